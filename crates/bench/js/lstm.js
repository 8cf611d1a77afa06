// An LSTM forward pass as a plain JavaScript loop over Float64Arrays, gate by gate, the
// way a hand-written teaching demo computes it:
//   f = σ(W_f·[h, x] + b_f), i = σ(W_i·[h, x] + b_i), C̃ = tanh(W_C·[h, x] + b_C),
//   C = f·C_prev + i·C̃, o = σ(W_o·[h, x] + b_o), h = o·tanh(C),
// every gate and its pre-activation recorded at every step (what the screen shows), then
// the readout y = V h + c and its softmax.

function sigmoid(x) {
  return 1 / (1 + Math.exp(-x));
}

// `params` in the project's order: W_f, b_f, W_i, b_i, W_C, b_C, W_o, b_o (each W row-major
// H × (H + I) over [h, x]), then V (O × H) and c (O).
export function lstmCreate(inputSize, hiddenSize, outputSize, params) {
  const cols = hiddenSize + inputSize;
  let at = 0;
  const take = (n) => {
    const block = new Float64Array(params.subarray(at, at + n));
    at += n;
    return block;
  };
  const gates = [];
  for (let g = 0; g < 4; g++) gates.push({ W: take(hiddenSize * cols), b: take(hiddenSize) });
  const V = take(outputSize * hiddenSize);
  const c = take(outputSize);
  return { I: inputSize, H: hiddenSize, O: outputSize, gates, V, c };
}

function gate(W, b, h, x, H, I, pre, out, at, squash) {
  const cols = H + I;
  for (let j = 0; j < H; j++) {
    let sum = b[j];
    const row = j * cols;
    for (let k = 0; k < H; k++) sum += W[row + k] * h[k];
    for (let k = 0; k < I; k++) sum += W[row + H + k] * x[k];
    pre[at + j] = sum;
    out[at + j] = squash(sum);
  }
}

// Runs `steps` inputs (`inputs` is steps × I) from zero state. Returns every h_t, then
// every step's softmax of the readout (steps × H, then steps × O).
export function lstmForward(net, inputs, steps) {
  const { I, H, O, gates, V, c } = net;
  const n = steps * H;
  const rec = {};
  for (const k of ["aF", "aI", "aC", "aO", "f", "i", "g", "o", "C", "h"]) rec[k] = new Float64Array(n);
  let hPrev = new Float64Array(H);
  let cPrev = new Float64Array(H);
  const probs = new Float64Array(steps * O);
  const logits = new Float64Array(O);
  for (let t = 0; t < steps; t++) {
    const x = inputs.subarray(t * I, (t + 1) * I);
    const at = t * H;
    gate(gates[0].W, gates[0].b, hPrev, x, H, I, rec.aF, rec.f, at, sigmoid);
    gate(gates[1].W, gates[1].b, hPrev, x, H, I, rec.aI, rec.i, at, sigmoid);
    gate(gates[2].W, gates[2].b, hPrev, x, H, I, rec.aC, rec.g, at, Math.tanh);
    gate(gates[3].W, gates[3].b, hPrev, x, H, I, rec.aO, rec.o, at, sigmoid);
    for (let j = 0; j < H; j++) {
      rec.C[at + j] = rec.f[at + j] * cPrev[j] + rec.i[at + j] * rec.g[at + j];
      rec.h[at + j] = rec.o[at + j] * Math.tanh(rec.C[at + j]);
    }
    hPrev = rec.h.subarray(at, at + H);
    cPrev = rec.C.subarray(at, at + H);
    let max = -Infinity;
    for (let k = 0; k < O; k++) {
      let sum = c[k];
      for (let j = 0; j < H; j++) sum += V[k * H + j] * hPrev[j];
      logits[k] = sum;
      if (sum > max) max = sum;
    }
    let total = 0;
    for (let k = 0; k < O; k++) {
      probs[t * O + k] = Math.exp(logits[k] - max);
      total += probs[t * O + k];
    }
    for (let k = 0; k < O; k++) probs[t * O + k] /= total;
  }
  const out = new Float64Array(n + steps * O);
  out.set(rec.h, 0);
  out.set(probs, n);
  return out;
}
