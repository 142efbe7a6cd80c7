"""Judges drafts the way issue 3 does: for each brief, five seeds; length within ±10%, `check --brief`
errors and off-topic warnings, bank sentences shared between seeds, task points that share a word with
their title, and task points from a topic file.  Usage: python3 tools/judge.py BIN BRIEF.yaml..."""
import json,subprocess,sys,glob,itertools,os,tempfile
BIN=sys.argv[1]; briefs=sys.argv[2:]
seeds=[1,2,3,4,5]
allov=[];bad=[];PIN={'anquan','chengshi','dangjian','gongye','guoqi','jiaoyu','jingji','keji','lianzheng','minsheng','renda','shengtai','weisheng','xiangcun','yingji','yingshang','zhaoshang'}
tshare=[];fit=[]
import re
def bg(t):
    h=re.sub(r'[^\u4e00-\u9fff]','',t); return {h[i:i+2] for i in range(len(h)-1)}
for b in briefs:
    ids={}; lens=[]
    for s in seeds:
        j=subprocess.run([BIN,'draft',b,'--seed',str(s),'--format','json'],capture_output=True,text=True)
        d=json.loads(j.stdout); L=d['meta']['length']; T=d['meta']['length_target']; lens.append(L)
        if not (0.9*T<=L<=1.1*T): bad.append(f"{b} seed {s}: length {L} of {T}")
        ids[s]=set(x['source']['id'] for sec in d['sections'] for bl in sec['blocks'] for x in bl.get('sentences',[]) if x['source'].get('kind')=='bank')
        tp=[x['source']['id'] for sec in d['sections'] if sec['section']=='tasks' for bl in sec['blocks'] for x in bl.get('sentences',[]) if x['source'].get('kind')=='bank' and '.point.' in x['source']['id']]
        for sec in d['sections']:
            if sec['section']!='tasks': continue
            title=None
            for bl in sec['blocks']:
                if bl['type']=='heading' and bl['source'].get('path','').endswith('.title'): title=bg(bl['text'].split('，')[0])
                elif bl['type']=='paragraph' and title:
                    for x in bl['sentences']:
                        if x['source'].get('kind')=='bank' and '.point.' in x['source']['id']: fit.append(1 if bg(x['text'])&title else 0)
        tshare.append(sum(1 for i in tp if i.split('.')[2] in PIN)/max(1,len(tp)))
        md=subprocess.run([BIN,'draft',b,'--seed',str(s),'-o',os.path.join(tempfile.gettempdir(), 'speechgen-judge.md'),'--force'],capture_output=True,text=True)
        c=subprocess.run([BIN,'check',os.path.join(tempfile.gettempdir(), 'speechgen-judge.md'),'--brief',b,'--format','json'],capture_output=True,text=True)
        cj=json.loads(c.stdout)
        for f in cj.get('findings',[]) if isinstance(cj,dict) else cj[0]['findings']:
            if f['severity']=='error' or f['code']=='off-topic':
                bad.append(f"{os.path.basename(b)} seed {s}: {f['code']} {f['message'][:80]}")
    ov=[len(ids[a]&ids[c])/((len(ids[a])+len(ids[c]))/2) for a,c in itertools.combinations(seeds,2)]
    allov+=ov
    print(f"{os.path.basename(b):28s} target {T:5d} lengths {lens} overlap mean {sum(ov)/len(ov):.2f} max {max(ov):.2f}")
print(f"task points sharing a bigram with their title {sum(fit)/max(1,len(fit)):.2f}")
print(f"topic share of task points {sum(tshare)/len(tshare):.2f}")
print(f"ALL overlap mean {sum(allov)/len(allov):.3f} max {max(allov):.3f}")
print("\n".join(bad) or "no length, error or off-topic findings")
