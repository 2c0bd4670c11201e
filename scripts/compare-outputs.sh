#!/bin/bash
# Runs every command with two builds of ganinv (OLD and NEW, e.g. before and after a refactoring)
# on the same run and inputs, and compares what they write, byte for byte (JSON without its timing
# and run-folder fields). Prints every file that differs and a count; about 3 minutes on 2 cores.
set -uo pipefail
OLD=${1:?usage: scripts/compare-outputs.sh OLD.jar NEW.jar (each with its lib/ beside it)}
NEW=${2:?usage: scripts/compare-outputs.sh OLD.jar NEW.jar}
W=$(mktemp -d)
j() { local jar=$1; shift; java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1 -Djava.awt.headless=true -jar $jar "$@" >/dev/null 2>$W/last.err || { echo "FAILED: $*"; cat $W/last.err | head -3; }; }
NET="--resolution 16 --width 8 --latent-dim 8 --batch 4"
for v in old new; do
  jar=$([ $v = old ] && echo $OLD || echo $NEW)
  j $jar train --method dlsgan $NET --steps 40 --log-every 10 --sample-every 20 --checkpoint-every 20 --out $W/$v-run
  j $jar train --method gan $NET --steps 8 --log-every 4 --sample-every 8 --checkpoint-every 8 --out $W/$v-gan
  j $jar fit-encoder --run $W/$v-gan --steps 6 --batch 4 --log-every 3 --sample-every 6 --checkpoint-every 6
done
echo "== training (samples, metrics without timing)"
for f in samples/step-00000020.png samples/step-00000040.png; do cmp -s $W/old-run/$f $W/new-run/$f && echo "same $f" || echo "DIFF $f"; done
cmp -s $W/old-gan/encoder/samples/step-00000006.png $W/new-gan/encoder/samples/step-00000006.png && echo "same fit-encoder samples" || echo "DIFF fit-encoder samples"
strip() { python3 -c "
import json,sys
for line in open(sys.argv[1]):
    d=json.loads(line); [d.pop(k,None) for k in ('images_per_s','seconds','rss_mib')]; print(json.dumps(d,sort_keys=True))" $1; }
diff <(strip $W/old-run/metrics.jsonl) <(strip $W/new-run/metrics.jsonl) >/dev/null && echo "same metrics.jsonl" || echo "DIFF metrics.jsonl"
RUN=$W/old-run
j $OLD sample --run $RUN --count 12 --seed 5 --out $W/images
mkdir -p $W/imgs && cp $W/images/sample-0000[0-5].png $W/imgs/ && printf 'xx' > $W/imgs/broken.png
for v in old new; do
  jar=$([ $v = old ] && echo $OLD || echo $NEW); o=$W/out-$v; mkdir -p $o
  j $jar sample --run $RUN --count 10 --seed 3 --out $o/sample
  j $jar invert --run $RUN --images $W/imgs --out $o/inv-enc
  j $jar invert --run $RUN --images $W/imgs --mode hybrid --steps 5 --loss l2+features --out $o/inv-hyb
  j $jar invert --run $RUN --images $W/imgs --mode optimize --steps 4 --restarts 2 --out $o/inv-opt
  j $jar traverse --run $RUN --elements 4 --steps 5 --out $o/trav.png
  j $jar traverse --run $RUN --image $W/imgs/sample-00001.png --elements 3 --steps 3 --out $o/trav-img.png
  j $jar interpolate --run $RUN --from $W/imgs/sample-00000.png --to $W/imgs/sample-00001.png --frames 5 --out $o/interp.png
  j $jar interpolate --run $RUN --from $W/imgs/sample-00000.png --to $W/imgs/sample-00001.png --frames 4 --slerp --mode hybrid --steps 3 --out $o/interp-h.png
  j $jar direction --run $RUN --data shapes --attribute circle --versus square --count 60 --out $o/dir.npy
  j $jar edit --run $RUN --image $W/imgs/sample-00002.png --direction $o/dir.npy --out $o/edit.png
  j $jar evaluate --run $RUN --data shapes --count 20 --json $o/eval.json
  j $jar evaluate --run $RUN --data shapes --count 20 --hybrid 4 --json $o/eval-h.json
  j $jar metrics --reference $W/imgs --candidate $o/inv-enc/reconstructions --json $o/metrics.json
  j $jar report --run $RUN --count 20 && cp $RUN/report.html $o/report.html && cp $RUN/evaluate.json $o/report-evaluate.json
  j $jar evaluate --run $W/$v-gan --data shapes --count 20 --json $o/eval-gan.json
done
echo "== commands"
python3 - "$W/out-old" "$W/out-new" <<'PY'
import json,os,sys,filecmp
a,b=sys.argv[1],sys.argv[2]
def clean(x):
    if isinstance(x,dict): return {k:clean(v) for k,v in x.items() if k not in ('seconds','run')}
    if isinstance(x,list): return [clean(v) for v in x]
    return x
same=diff=0
for root,_,files in os.walk(a):
    for f in sorted(files):
        p=os.path.join(root,f); q=os.path.join(b,os.path.relpath(p,a))
        if not os.path.exists(q): print('MISSING in new',os.path.relpath(p,a)); diff+=1; continue
        if f.endswith('.json'):
            ok=clean(json.load(open(p)))==clean(json.load(open(q)))
        else:
            ok=filecmp.cmp(p,q,shallow=False)
        if ok: same+=1
        else: print('DIFF',os.path.relpath(p,a)); diff+=1
for root,_,files in os.walk(b):
    for f in files:
        q=os.path.join(root,f)
        if not os.path.exists(os.path.join(a,os.path.relpath(q,b))): print('EXTRA in new',os.path.relpath(q,b)); diff+=1
print(f'{same} files equal, {diff} differ')
PY
