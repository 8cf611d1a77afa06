// TensorFlow Playground's network and training frame, written here after its nn.ts and
// playground.ts (github.com/tensorflow/playground) and computing the way it does: one object
// per node and per link; forwardProp, backProp and updateWeights per example (online SGD,
// an update every `batchSize` examples); one frame ("oneStep" plus "updateUI") is an epoch
// over the training points in their order, the loss on the training and test points, every
// node evaluated at every point of the DENSITY × DENSITY grid, and (optionally) the heat
// maps filled: the output node's on a DENSITY² canvas and one per node reduced to 10².
//
// Differences, all for the side-by-side check: the weights come from the project's network
// (not Math.random), the grid's points are the project's cell centres (playground samples
// the cell edges), and the learning rate is doubled because the project's squared loss is
// (s − y)² where playground's is ½(s − y)² (same step).

const TANH = {
  output: (x) => Math.tanh(x),
  der: (x) => {
    const output = TANH.output(x);
    return 1 - output * output;
  },
};

const SQUARE = {
  error: (output, target) => 0.5 * Math.pow(output - target, 2),
  der: (output, target) => output - target,
};

class Node {
  constructor(id, activation) {
    this.id = id;
    this.inputLinks = [];
    this.bias = 0.1;
    this.outputs = [];
    this.totalInput = 0;
    this.output = 0;
    this.outputDer = 0;
    this.inputDer = 0;
    this.accInputDer = 0;
    this.numAccumulatedDers = 0;
    this.activation = activation;
  }

  updateOutput() {
    this.totalInput = this.bias;
    for (let j = 0; j < this.inputLinks.length; j++) {
      const link = this.inputLinks[j];
      this.totalInput += link.weight * link.source.output;
    }
    this.output = this.activation.output(this.totalInput);
    return this.output;
  }
}

class Link {
  constructor(source, dest) {
    this.id = source.id + "-" + dest.id;
    this.source = source;
    this.dest = dest;
    this.weight = Math.random() - 0.5;
    this.isDead = false;
    this.errorDer = 0;
    this.accErrorDer = 0;
    this.numAccumulatedDers = 0;
  }
}

function buildNetwork(networkShape) {
  const network = [];
  let id = 1;
  for (let layerIdx = 0; layerIdx < networkShape.length; layerIdx++) {
    const currentLayer = [];
    network.push(currentLayer);
    for (let i = 0; i < networkShape[layerIdx]; i++) {
      const node = new Node(String(id++), TANH);
      currentLayer.push(node);
      if (layerIdx >= 1) {
        for (const prevNode of network[layerIdx - 1]) {
          const link = new Link(prevNode, node);
          prevNode.outputs.push(link);
          node.inputLinks.push(link);
        }
      }
    }
  }
  return network;
}

function forwardProp(network, inputs) {
  const inputLayer = network[0];
  for (let i = 0; i < inputLayer.length; i++) {
    inputLayer[i].output = inputs[i];
  }
  for (let layerIdx = 1; layerIdx < network.length; layerIdx++) {
    const currentLayer = network[layerIdx];
    for (let i = 0; i < currentLayer.length; i++) {
      currentLayer[i].updateOutput();
    }
  }
  return network[network.length - 1][0].output;
}

function backProp(network, target, errorFunc) {
  const outputNode = network[network.length - 1][0];
  outputNode.outputDer = errorFunc.der(outputNode.output, target);
  for (let layerIdx = network.length - 1; layerIdx >= 1; layerIdx--) {
    const currentLayer = network[layerIdx];
    for (let i = 0; i < currentLayer.length; i++) {
      const node = currentLayer[i];
      node.inputDer = node.outputDer * node.activation.der(node.totalInput);
      node.accInputDer += node.inputDer;
      node.numAccumulatedDers++;
    }
    for (let i = 0; i < currentLayer.length; i++) {
      const node = currentLayer[i];
      for (let j = 0; j < node.inputLinks.length; j++) {
        const link = node.inputLinks[j];
        if (link.isDead) continue;
        link.errorDer = node.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (layerIdx === 1) continue;
    const prevLayer = network[layerIdx - 1];
    for (let i = 0; i < prevLayer.length; i++) {
      const node = prevLayer[i];
      node.outputDer = 0;
      for (let j = 0; j < node.outputs.length; j++) {
        const output = node.outputs[j];
        node.outputDer += output.weight * output.dest.inputDer;
      }
    }
  }
}

function updateWeights(network, learningRate) {
  for (let layerIdx = 1; layerIdx < network.length; layerIdx++) {
    const currentLayer = network[layerIdx];
    for (let i = 0; i < currentLayer.length; i++) {
      const node = currentLayer[i];
      if (node.numAccumulatedDers > 0) {
        node.bias -= (learningRate * node.accInputDer) / node.numAccumulatedDers;
        node.accInputDer = 0;
        node.numAccumulatedDers = 0;
      }
      for (let j = 0; j < node.inputLinks.length; j++) {
        const link = node.inputLinks[j];
        if (link.isDead) continue;
        if (link.numAccumulatedDers > 0) {
          link.weight = link.weight - (learningRate / link.numAccumulatedDers) * link.accErrorDer;
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}

function forEachNode(network, ignoreInputs, accessor) {
  for (let layerIdx = ignoreInputs ? 1 : 0; layerIdx < network.length; layerIdx++) {
    const currentLayer = network[layerIdx];
    for (let i = 0; i < currentLayer.length; i++) {
      accessor(currentLayer[i]);
    }
  }
}

// d3.scale.linear().domain([0, .5, 1]).range(["#f59322", "#e8eaeb", "#0877bd"]) sampled at
// NUM_SHADES + 1 points, then d3.scale.quantize().domain([-1, 1]) over those colour strings.
const NUM_SHADES = 30;
function hex(v) {
  return Math.round(v).toString(16).padStart(2, "0");
}
function shades() {
  const stops = [
    [0xf5, 0x93, 0x22],
    [0xe8, 0xea, 0xeb],
    [0x08, 0x77, 0xbd],
  ];
  const colors = [];
  for (let k = 0; k <= NUM_SHADES; k++) {
    const a = k / NUM_SHADES;
    const [lo, hi, t] = a < 0.5 ? [stops[0], stops[1], a / 0.5] : [stops[1], stops[2], (a - 0.5) / 0.5];
    colors.push("#" + [0, 1, 2].map((c) => hex(lo[c] + (hi[c] - lo[c]) * t)).join(""));
  }
  return colors;
}

class HeatMap {
  constructor(numSamples, parent) {
    this.numSamples = numSamples;
    this.canvas = document.createElement("canvas");
    this.canvas.width = numSamples;
    this.canvas.height = numSamples;
    parent.appendChild(this.canvas);
    const colors = shades();
    this.color = (value) => {
      const t = Math.max(0, Math.min(1, (value + 1) / 2));
      return colors[Math.min(colors.length - 1, Math.floor(t * colors.length))];
    };
  }

  // As playground's updateBackground: one colour string per value, parsed back to RGB
  // (d3.rgb), opacity 160, then putImageData.
  updateBackground(data) {
    const dx = data[0].length;
    const dy = data.length;
    const context = this.canvas.getContext("2d");
    const image = context.createImageData(dx, dy);
    for (let y = 0, p = -1; y < dy; ++y) {
      for (let x = 0; x < dx; ++x) {
        const c = parseRgb(this.color(data[x][y]));
        image.data[++p] = c.r;
        image.data[++p] = c.g;
        image.data[++p] = c.b;
        image.data[++p] = 160;
      }
    }
    context.putImageData(image, 0, 0);
  }
}

function parseRgb(color) {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  const v = parseInt(m[1], 16);
  return { r: (v >> 16) & 0xff, g: (v >> 8) & 0xff, b: v & 0xff };
}

function reduceMatrix(matrix, factor) {
  const result = new Array(matrix.length / factor);
  for (let i = 0; i < matrix.length; i += factor) {
    result[i / factor] = new Array(matrix.length / factor);
    for (let j = 0; j < matrix.length; j += factor) {
      let avg = 0;
      for (let k = 0; k < factor; k++) {
        for (let l = 0; l < factor; l++) {
          avg += matrix[i + k][j + l];
        }
      }
      avg /= factor * factor;
      result[i / factor][j / factor] = avg;
    }
  }
  return result;
}

function points(xy, labels) {
  const out = [];
  for (let i = 0; i < labels.length; i++) {
    out.push({ x: xy[2 * i], y: xy[2 * i + 1], label: labels[i] });
  }
  return out;
}

// A playground with the project's network: `shape` the units per layer (inputs first),
// `params` the project's flat layout (per layer W row-major units × inputs, then b).
export function playgroundCreate(shape, params, train, trainLabels, test, testLabels, gridXs, gridYs, learningRate, batchSize) {
  const network = buildNetwork(Array.from(shape));
  let at = 0;
  for (let layerIdx = 1; layerIdx < network.length; layerIdx++) {
    const layer = network[layerIdx];
    for (const node of layer) {
      for (const link of node.inputLinks) link.weight = params[at++];
    }
    for (const node of layer) node.bias = params[at++];
  }
  const density = gridXs.length;
  const boundary = {};
  forEachNode(network, false, (node) => {
    boundary[node.id] = new Array(density);
    for (let i = 0; i < density; i++) boundary[node.id][i] = new Array(density);
  });
  return {
    network,
    boundary,
    density,
    trainData: points(train, trainLabels),
    testData: points(test, testLabels),
    gridXs,
    gridYs,
    learningRate,
    batchSize,
    heatMaps: null,
  };
}

function getLoss(network, dataPoints) {
  let loss = 0;
  for (let i = 0; i < dataPoints.length; i++) {
    const dataPoint = dataPoints[i];
    const output = forwardProp(network, [dataPoint.x, dataPoint.y]);
    loss += SQUARE.error(output, dataPoint.label);
  }
  return loss / dataPoints.length;
}

function updateDecisionBoundary(state) {
  const { network, boundary, density } = state;
  for (let i = 0; i < density; i++) {
    for (let j = 0; j < density; j++) {
      forwardProp(network, [state.gridXs[i], state.gridYs[j]]);
      forEachNode(network, true, (node) => {
        boundary[node.id][i][j] = node.output;
      });
    }
  }
}

function fillHeatMaps(state) {
  if (state.heatMaps === null) {
    const parent = document.createElement("div");
    document.body.appendChild(parent);
    const nodes = {};
    forEachNode(state.network, false, (node) => {
      nodes[node.id] = new HeatMap(state.density / 10, parent);
    });
    state.heatMaps = { main: new HeatMap(state.density, parent), nodes };
    // The input nodes' pictures, computed once as playground does on its first step.
    for (let i = 0; i < state.density; i++) {
      for (let j = 0; j < state.density; j++) {
        const input = [state.gridXs[i], state.gridYs[j]];
        state.network[0].forEach((node, k) => (state.boundary[node.id][i][j] = input[k]));
      }
    }
  }
  const output = state.network[state.network.length - 1][0];
  state.heatMaps.main.updateBackground(state.boundary[output.id]);
  forEachNode(state.network, false, (node) => {
    state.heatMaps.nodes[node.id].updateBackground(reduceMatrix(state.boundary[node.id], 10));
  });
}

// One animation frame of playground while it trains: oneStep() and updateUI().
export function playgroundFrame(state, withHeatMaps) {
  state.trainData.forEach((point, i) => {
    forwardProp(state.network, [point.x, point.y]);
    backProp(state.network, point.label, SQUARE);
    if ((i + 1) % state.batchSize === 0) {
      updateWeights(state.network, state.learningRate);
    }
  });
  const lossTrain = getLoss(state.network, state.trainData);
  const lossTest = getLoss(state.network, state.testData);
  updateDecisionBoundary(state);
  if (withHeatMaps) fillHeatMaps(state);
  return lossTrain + lossTest;
}

// The output node over the grid, row by row from the top (the project's layout):
// boundary[id][column][row].
export function playgroundOutputGrid(state) {
  const output = state.network[state.network.length - 1][0];
  const grid = state.boundary[output.id];
  const n = state.density;
  const out = new Float64Array(n * n);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) out[row * n + col] = grid[col][row];
  }
  return out;
}

// Every weight and bias in the project's flat layout.
export function playgroundParams(state) {
  const out = [];
  for (let layerIdx = 1; layerIdx < state.network.length; layerIdx++) {
    const layer = state.network[layerIdx];
    for (const node of layer) for (const link of node.inputLinks) out.push(link.weight);
    for (const node of layer) out.push(node.bias);
  }
  return new Float64Array(out);
}
