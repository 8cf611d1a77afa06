// The convolution loop of html5rocks' "Image Filters with Canvas" (Filters.convolute), on
// one channel of floats instead of RGBA bytes: for every output pixel, every kernel tap
// whose input lies inside the image adds src · weight (cross-correlation, the kernel centred
// on the pixel, zero outside). A new output array per call, as the article makes one.
export function convolute(src, sw, sh, weights) {
  const side = Math.round(Math.sqrt(weights.length));
  const halfSide = Math.floor(side / 2);
  const w = sw;
  const h = sh;
  const dst = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sy = y;
      const sx = x;
      const dstOff = y * w + x;
      let sum = 0;
      for (let cy = 0; cy < side; cy++) {
        for (let cx = 0; cx < side; cx++) {
          const scy = sy + cy - halfSide;
          const scx = sx + cx - halfSide;
          if (scy >= 0 && scy < sh && scx >= 0 && scx < sw) {
            const srcOff = scy * sw + scx;
            const wt = weights[cy * side + cx];
            sum += src[srcOff] * wt;
          }
        }
      }
      dst[dstOff] = sum;
    }
  }
  return dst;
}
