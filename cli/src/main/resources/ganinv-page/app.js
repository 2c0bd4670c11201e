// ganinv serve: the page. Plain JS, no framework, no network beyond this server.
'use strict';
const $ = (id) => document.getElementById(id);
let run = null;          // GET /api/run
let base = null;         // the code the last inversion (or a chosen sample) gave
let code = null;         // the code being edited
let lastImage = null;    // the last uploaded File, for refinement
let A = null, B = null, frames = [];
let renderSeq = 0, renderAbort = null, renderQueued = false;

function status(text) { $('status').textContent = text || ''; }

async function api(path, options) {
  const r = await fetch(path, options);
  if (!r.ok) {
    let message = r.status + ' ' + r.statusText;
    try { message = (await r.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return r;
}

function postJson(path, body, signal) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });
}

async function loadRun() {
  run = await (await api('/api/run')).json();
  const ev = run.evaluation ? ` · FID ${(+run.evaluation.fid).toFixed(3)}, held-out PSNR ${(+run.evaluation.psnr_real).toFixed(2)} dB` : '';
  $('meta').textContent = `${run.run}: ${run.method}, ${run.architecture}, step ${run.step}, d = ${run.latent_dim}, ` +
      `${run.resolution}×${run.resolution}, sampled from ${run.generator}${ev}`;
  for (const name of run.examples) {
    const img = document.createElement('img');
    img.src = '/api/examples/' + encodeURIComponent(name);
    img.title = name;
    img.onclick = () => useExample(name);
    $('examples').appendChild(img);
  }
  buildSliders();
  // open on a useful state: the first example already inverted
  if (run.examples.length > 0) await useExample(run.examples[0]);
}

async function useExample(name) {
  const r = await api('/api/examples/' + encodeURIComponent(name));
  await useFile(new File([await r.blob()], name, { type: 'image/png' }));
}

function slider(parent, label, min, max, value, oninput) {
  const row = document.createElement('div');
  row.className = 'slider';
  const name = document.createElement('span');
  name.textContent = label;
  const input = document.createElement('input');
  Object.assign(input, { type: 'range', min, max, step: 0.01, value });
  const shown = document.createElement('span');
  shown.textContent = (+value).toFixed(2);
  input.addEventListener('input', () => { shown.textContent = (+input.value).toFixed(2); oninput(+input.value); });
  row.append(name, input, shown);
  parent.appendChild(row);
  return input;
}

function buildSliders() {
  $('sliders').innerHTML = '';
  $('direction-sliders').innerHTML = '';
  for (const e of run.elements) {
    const label = `z[${e.element}] (${run.ranked_by.startsWith('latent scale') ? 's' : 'var'} ${e.score.toFixed(2)})`;
    const input = slider($('sliders'), label, -3, 3, code ? code[e.element] : 0, (v) => {
      if (!code) return;
      code[e.element] = v;
      scheduleRender();
    });
    input.dataset.element = e.element;
  }
  for (const [name, dir] of Object.entries(run.directions)) {
    let applied = 0;
    slider($('direction-sliders'), 'direction ' + name, -3, 3, 0, (v) => {
      if (!code) return;
      for (let i = 0; i < code.length; i++) code[i] += (v - applied) * dir[i];
      applied = v;
      scheduleRender();
    });
  }
}

// One render in flight at most: a newer slider position aborts the older request and waits for the next frame.
function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => { renderQueued = false; render(); });
}

async function render() {
  const seq = ++renderSeq;
  if (renderAbort) renderAbort.abort();
  renderAbort = new AbortController();
  try {
    const r = await postJson('/api/render', { code }, renderAbort.signal);
    const url = URL.createObjectURL(await r.blob());
    if (seq === renderSeq) {
      const old = $('current').src;
      show($('current'), url);
      $('download-image').href = url;
      if (old.startsWith('blob:')) URL.revokeObjectURL(old);       // the one URL the image and the link shared
    } else {
      URL.revokeObjectURL(url);
    }
    updateCodeDownload();
  } catch (e) {
    if (e.name !== 'AbortError') status(e.message);
  }
}

function show(img, src) { img.src = src; img.dataset.version = (+(img.dataset.version || 0) + 1).toString(); }

function setCode(c) {
  base = Float32Array.from(c);
  code = Array.from(c);
  buildSliders();
  $('interpolate').disabled = !(A && B);
  render();
}

async function useFile(file) {
  lastImage = file;
  status('inverting ' + file.name + '…');
  const form = new FormData();
  form.append('image', file, file.name);
  try {
    const out = await (await api('/api/invert', { method: 'POST', body: form })).json();
    show($('input'), out.input);
    show($('recon'), out.image);
    $('scores').textContent = `encoder: PSNR ${out.psnr.toFixed(2)} dB, SSIM ${out.ssim.toFixed(3)}`;
    $('refine').disabled = false;
    setCode(out.code);
    status('');
  } catch (e) { status(e.message); }
}

async function refine() {
  const form = new FormData();
  form.append('image', lastImage, lastImage.name);
  $('refine').disabled = true;
  $('cancel').disabled = false;
  try {
    const job = (await (await api('/api/refine', { method: 'POST', body: form })).json()).job;
    $('cancel').onclick = () => api('/api/refine/' + job, { method: 'DELETE' });
    const events = new EventSource('/api/refine/' + job + '/events');
    events.addEventListener('progress', (m) => {
      const p = JSON.parse(m.data);
      $('refine-progress').max = p.total; $('refine-progress').value = p.done;
      $('refine-state').textContent = `step ${p.done} / ${p.total}`;
    });
    const end = (m) => {
      events.close();
      const s = JSON.parse(m.data);
      $('cancel').disabled = true; $('refine').disabled = false;
      $('refine-progress').max = s.total; $('refine-progress').value = s.done;
      if (s.state === 'done') {
        show($('recon'), s.image);
        $('scores').textContent = `hybrid (${s.steps} steps): PSNR ${s.psnr.toFixed(2)} dB, SSIM ${s.ssim.toFixed(3)}`;
        $('refine-state').textContent = 'refined';
        setCode(s.code);
      } else {
        $('refine-state').textContent = s.state + (s.error && s.state !== 'cancelled' ? ': ' + s.error : '');
      }
    };
    events.addEventListener('result', end);
    events.addEventListener('failed', end);
  } catch (e) { status(e.message); $('refine').disabled = false; $('cancel').disabled = true; }
}

async function interpolate() {
  try {
    const n = Math.max(2, Math.min(32, +$('frames').value || 8));
    const out = await (await postJson('/api/interpolate', { a: A, b: B, frames: n, slerp: $('slerp').checked })).json();
    frames = out.images;
    $('strip').innerHTML = '';
    out.images.forEach((src, i) => {
      const img = document.createElement('img');
      img.src = src;
      img.onclick = () => { $('scrubber').value = i; scrub(); };
      $('strip').appendChild(img);
    });
    Object.assign($('scrubber'), { max: n - 1, value: 0, disabled: false });
    scrub();
  } catch (e) { status(e.message); }
}

function scrub() {
  const i = +$('scrubber').value;
  show($('frame'), frames[i]);
  $('frame-label').textContent = `frame ${i + 1} of ${frames.length}`;
}

async function samples() {
  try {
    const out = await (await postJson('/api/sample', { count: 8 })).json();
    $('samples').innerHTML = '';
    out.images.forEach((src, i) => {
      const img = document.createElement('img');
      img.src = src;
      img.title = 'use this code';
      img.onclick = () => setCode(out.codes[i]);
      $('samples').appendChild(img);
    });
  } catch (e) { status(e.message); }
}

// A float32 .npy of shape (1, d), as ganinv writes codes.
function updateCodeDownload() {
  const header = `{'descr': '<f4', 'fortran_order': False, 'shape': (1, ${code.length}), }`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  const text = header + ' '.repeat(pad % 64) + '\n';
  const bytes = new Uint8Array(10 + text.length + 4 * code.length);
  bytes.set([0x93, 78, 85, 77, 80, 89, 1, 0, text.length & 0xff, text.length >> 8]);
  for (let i = 0; i < text.length; i++) bytes[10 + i] = text.charCodeAt(i);
  const view = new DataView(bytes.buffer, 10 + text.length);
  code.forEach((v, i) => view.setFloat32(4 * i, v, true));
  const old = $('download-code').href;
  $('download-code').href = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  if (old.startsWith('blob:')) URL.revokeObjectURL(old);
}

$('file').addEventListener('change', () => { if ($('file').files[0]) useFile($('file').files[0]); });
$('drop').addEventListener('dragover', (e) => { e.preventDefault(); $('drop').classList.add('over'); });
$('drop').addEventListener('dragleave', () => $('drop').classList.remove('over'));
$('drop').addEventListener('drop', (e) => {
  e.preventDefault(); $('drop').classList.remove('over');
  if (e.dataTransfer.files[0]) useFile(e.dataTransfer.files[0]);
});
$('refine').onclick = refine;
$('reset').onclick = () => { if (base) setCode(base); };
$('set-a').onclick = () => { if (code) { A = code.slice(); $('interpolate').disabled = !(A && B); } };
$('set-b').onclick = () => { if (code) { B = code.slice(); $('interpolate').disabled = !(A && B); } };
$('interpolate').onclick = interpolate;
$('scrubber').addEventListener('input', scrub);
$('sample').onclick = samples;
loadRun().catch((e) => status('cannot load the run: ' + e.message));
