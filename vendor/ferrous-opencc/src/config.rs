use crate::error::{OpenCCError, Result};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// 顶层的 JSON 配置结构
#[derive(Serialize, Deserialize, Debug)]
pub struct Config {
    /// 转换配置的名称
    pub name: String,
    /// 转换步骤链
    pub conversion_chain: Vec<ConversionNodeConfig>,

    /// 配置文件所在的目录
    #[serde(skip)]
    directory: PathBuf,
}

/// 所有内置的 `OpenCC` 配置
#[repr(i32)]
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltinConfig {
    /// 简体到繁体
    #[cfg(feature = "s2t-conversion")]
    S2t = 0,
    /// 繁体到简体
    #[cfg(feature = "t2s-conversion")]
    T2s = 1,
    /// 简体到台湾正体
    #[cfg(feature = "s2t-conversion")]
    S2tw = 2,
    /// 台湾正体到简体
    #[cfg(feature = "t2s-conversion")]
    Tw2s = 3,
    /// 简体到香港繁体
    #[cfg(feature = "s2t-conversion")]
    S2hk = 4,
    /// 香港繁体到简体
    #[cfg(feature = "t2s-conversion")]
    Hk2s = 5,
    /// 简体到台湾正体（包含词汇转换）
    #[cfg(feature = "s2t-conversion")]
    S2twp = 6,
    /// 台湾正体（包含词汇转换）到简体
    #[cfg(feature = "t2s-conversion")]
    Tw2sp = 7,
    /// 繁体到台湾正体
    #[cfg(feature = "t2s-conversion")]
    T2tw = 8,
    /// 台湾正体到繁体
    #[cfg(feature = "s2t-conversion")]
    Tw2t = 9,
    /// 繁体到香港繁体
    #[cfg(feature = "s2t-conversion")]
    T2hk = 10,
    /// 香港繁体到繁体
    #[cfg(feature = "t2s-conversion")]
    Hk2t = 11,
    /// 日语新字体到繁体
    #[cfg(feature = "japanese-conversion")]
    Jp2t = 12,
    /// 繁体到日语新字体
    #[cfg(feature = "japanese-conversion")]
    T2jp = 13,
}

impl BuiltinConfig {
    /// 将枚举成员转换为对应的文件名字符串
    #[must_use]
    pub const fn to_filename(&self) -> &'static str {
        match self {
            #[cfg(feature = "s2t-conversion")]
            Self::S2t => "s2t.json",
            #[cfg(feature = "t2s-conversion")]
            Self::T2s => "t2s.json",
            #[cfg(feature = "s2t-conversion")]
            Self::S2tw => "s2tw.json",
            #[cfg(feature = "t2s-conversion")]
            Self::Tw2s => "tw2s.json",
            #[cfg(feature = "s2t-conversion")]
            Self::S2hk => "s2hk.json",
            #[cfg(feature = "t2s-conversion")]
            Self::Hk2s => "hk2s.json",
            #[cfg(feature = "s2t-conversion")]
            Self::S2twp => "s2twp.json",
            #[cfg(feature = "t2s-conversion")]
            Self::Tw2sp => "tw2sp.json",
            #[cfg(feature = "t2s-conversion")]
            Self::T2tw => "t2tw.json",
            #[cfg(feature = "s2t-conversion")]
            Self::Tw2t => "tw2t.json",
            #[cfg(feature = "s2t-conversion")]
            Self::T2hk => "t2hk.json",
            #[cfg(feature = "t2s-conversion")]
            Self::Hk2t => "hk2t.json",
            #[cfg(feature = "japanese-conversion")]
            Self::Jp2t => "jp2t.json",
            #[cfg(feature = "japanese-conversion")]
            Self::T2jp => "t2jp.json",
        }
    }

    /// 从文件名字符串转换为对应的枚举成员
    pub fn from_filename(filename: &str) -> Result<Self> {
        match filename {
            #[cfg(feature = "s2t-conversion")]
            "s2t.json" => Ok(Self::S2t),
            #[cfg(feature = "t2s-conversion")]
            "t2s.json" => Ok(Self::T2s),
            #[cfg(feature = "s2t-conversion")]
            "s2tw.json" => Ok(Self::S2tw),
            #[cfg(feature = "t2s-conversion")]
            "tw2s.json" => Ok(Self::Tw2s),
            #[cfg(feature = "s2t-conversion")]
            "s2hk.json" => Ok(Self::S2hk),
            #[cfg(feature = "t2s-conversion")]
            "hk2s.json" => Ok(Self::Hk2s),
            #[cfg(feature = "s2t-conversion")]
            "s2twp.json" => Ok(Self::S2twp),
            #[cfg(feature = "t2s-conversion")]
            "tw2sp.json" => Ok(Self::Tw2sp),
            #[cfg(feature = "t2s-conversion")]
            "t2tw.json" => Ok(Self::T2tw),
            #[cfg(feature = "s2t-conversion")]
            "tw2t.json" => Ok(Self::Tw2t),
            #[cfg(feature = "s2t-conversion")]
            "t2hk.json" => Ok(Self::T2hk),
            #[cfg(feature = "t2s-conversion")]
            "hk2t.json" => Ok(Self::Hk2t),
            #[cfg(feature = "japanese-conversion")]
            "jp2t.json" => Ok(Self::Jp2t),
            #[cfg(feature = "japanese-conversion")]
            "t2jp.json" => Ok(Self::T2jp),
            _ => Err(OpenCCError::ConfigNotFound(filename.to_string())),
        }
    }
}

/// 转换链中的一个节点
///
/// 每个节点对应一个基于词典的转换步骤
#[derive(Serialize, Deserialize, Debug)]
pub struct ConversionNodeConfig {
    /// 此转换步骤要使用的词典
    pub dict: DictConfig,
}

/// 代表一个词典配置，可以是一个单独的词典文件，也可以是一组词典
#[derive(Serialize, Deserialize, Debug)]
pub struct DictConfig {
    /// 词典的类型，例如 "text" 或 "group"
    #[serde(rename = "type")]
    pub dict_type: String,
    /// 词典文件名 (用于 `type: "text"`)
    pub file: Option<String>,
    /// 子词典列表 (用于 `type: "group"`)。
    pub dicts: Option<Vec<Self>>,
}

impl Config {
    /// 从 JSON 文件加载并解析配置
    pub fn from_file<P: AsRef<Path>>(path: P) -> Result<Self> {
        let path = path.as_ref();
        let file = File::open(path)
            .map_err(|e| OpenCCError::FileNotFound(format!("{}: {}", path.display(), e)))?;
        let reader = BufReader::new(file);
        let mut config: Self = serde_json::from_reader(reader)?;

        // 保存配置文件的父目录
        config.directory = path.parent().unwrap_or_else(|| Path::new("")).to_path_buf();

        Ok(config)
    }

    /// 获取配置文件所在的目录
    #[must_use]
    pub fn get_config_directory(&self) -> &Path {
        &self.directory
    }
}

impl FromStr for Config {
    type Err = OpenCCError;

    fn from_str(s: &str) -> Result<Self> {
        let config: Self = serde_json::from_str(s)?;
        Ok(config)
    }
}
