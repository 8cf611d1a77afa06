//! Tests of the recurrent cells against PyTorch and NumPy, finite-difference checks of
//! backpropagation through time, and the training behaviour a user would notice.

#[cfg(target_family = "wasm")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::activation::Activation;
use crate::gradcheck::{gradient, relative_error};

const I: usize = 3;
const H: usize = 4;
const T: usize = 6;

/// `0.6·sin(seed + 0.9r + 0.37c)` for every entry `(r, c)` of each named block.
fn patterned<F: Real>(params: &mut Params<F>, seeds: &[(&str, f64)]) {
    for (name, seed) in seeds {
        let block = params
            .block(name)
            .unwrap_or_else(|| panic!("no block {name}"))
            .clone();
        for r in 0..block.rows {
            for c in 0..block.cols {
                #[allow(clippy::cast_precision_loss)]
                let v = 0.6 * (seed + 0.9 * r as f64 + 0.37 * c as f64).sin();
                params.values[block.offset + r * block.cols + c] = F::from_f64(v);
            }
        }
    }
}

const LSTM_SEEDS: [(&str, f64); 8] = [
    ("W_f", 1.0),
    ("b_f", 2.0),
    ("W_i", 3.0),
    ("b_i", 4.0),
    ("W_C", 5.0),
    ("b_C", 6.0),
    ("W_o", 7.0),
    ("b_o", 8.0),
];
const GRU_SEEDS: [(&str, f64); 7] = [
    ("W_z", 11.0),
    ("b_z", 12.0),
    ("W_r", 13.0),
    ("b_r", 14.0),
    ("W", 15.0),
    ("b", 16.0),
    ("b_hn", 17.0),
];
const RNN_SEEDS: [(&str, f64); 2] = [("W", 21.0), ("b", 22.0)];

#[allow(clippy::cast_precision_loss)]
fn reference_inputs<F: Real>() -> Vec<Vec<F>> {
    (0..T)
        .map(|t| {
            (0..I)
                .map(|j| F::from_f64(1.5 * (0.5 * t as f64 + 1.1 * j as f64 + 0.3).sin()))
                .collect()
        })
        .collect()
}

#[allow(clippy::cast_precision_loss)]
fn reference_state<F: Real>(with_cell: bool) -> State<F> {
    State {
        hidden: (0..H)
            .map(|j| F::from_f64(0.2 * (1.7 * j as f64).cos()))
            .collect(),
        cell: if with_cell {
            (0..H)
                .map(|j| F::from_f64(0.5 * (0.9 * j as f64 + 0.4).sin()))
                .collect()
        } else {
            Vec::new()
        },
    }
}

fn lstm(config: LstmConfig) -> Lstm<f64> {
    let mut cell = Lstm::new(I, H, config, &mut crate::rng::Rng::seeded(0));
    let seeds: Vec<_> = LSTM_SEEDS
        .iter()
        .filter(|(n, _)| cell.params.block(n).is_some())
        .copied()
        .collect();
    patterned(&mut cell.params, &seeds);
    cell
}

fn gru(form: GruForm) -> Gru<f64> {
    let mut cell = Gru::new(I, H, GruConfig { form }, &mut crate::rng::Rng::seeded(0));
    let seeds: Vec<_> = GRU_SEEDS
        .iter()
        .filter(|(n, _)| cell.params.block(n).is_some())
        .copied()
        .collect();
    patterned(&mut cell.params, &seeds);
    cell
}

fn rnn(activation: Activation) -> Rnn<f64> {
    let mut cell = Rnn::new(
        I,
        H,
        RnnConfig { activation },
        &mut crate::rng::Rng::seeded(0),
    );
    patterned(&mut cell.params, &RNN_SEEDS);
    cell
}

fn assert_close(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() < 1e-6, "{what}[{k}]: {g} vs {w}");
    }
}

// The reference numbers below come from this script (PyTorch 2.15, NumPy 2.4, float64):
//
// ```python
// import numpy as np, torch
// torch.set_default_dtype(torch.float64)
// I, H, T = 3, 4, 6
// def pat(seed, rows, cols):  # the test's `pattern`: 0.6·sin(seed + 0.9r + 0.37c)
//     r, c = np.meshgrid(np.arange(rows), np.arange(cols), indexing="ij")
//     return 0.6 * np.sin(seed + 0.9 * r + 0.37 * c)
// X = np.array([[1.5 * np.sin(0.5 * t + 1.1 * j + 0.3) for j in range(I)] for t in range(T)])
// h0 = 0.2 * np.cos(1.7 * np.arange(H)); c0 = 0.5 * np.sin(0.9 * np.arange(H) + 0.4)
// sig = lambda a: 1 / (1 + np.exp(-a))
// def fmt(name, a):
//     print(f"const {name}: [f64; {a.size}] = [" + ", ".join(repr(float(v)) for v in a.ravel()) + "];")
// def lstm_np(peep, coupled):  # peep = (forget, input, output)
//     def W(k, p):
//         return pat(k, H, (H if p else 0) + H + I), pat(k + 1, H, 1)[:, 0]
//     (Wf, bf), (Wi, bi), (Wc, bc), (Wo, bo) = W(1, peep[0]), W(3, peep[1]), W(5, False), W(7, peep[2])
//     h, c, hs, cs = h0, c0, [], []
//     for x in X:
//         hx = np.concatenate([h, x])
//         f = sig(Wf @ (np.concatenate([c, hx]) if peep[0] else hx) + bf)
//         i = 1 - f if coupled else sig(Wi @ (np.concatenate([c, hx]) if peep[1] else hx) + bi)
//         ct = np.tanh(Wc @ hx + bc)
//         c = f * c + i * ct
//         o = sig(Wo @ (np.concatenate([c, hx]) if peep[2] else hx) + bo)
//         h = o * np.tanh(c)
//         hs.append(h); cs.append(c)
//     return np.array(hs), np.array(cs)
// # PyTorch nn.LSTM, gate rows stacked (input, forget, cell, output); our W_g = [W_hh_g | W_ih_g]
// lstm = torch.nn.LSTM(I, H)
// Ws = {g: pat(k, H, H + I) for g, k in zip("ifco", (3, 1, 5, 7))}
// bs = {g: pat(k + 1, H, 1)[:, 0] for g, k in zip("ifco", (3, 1, 5, 7))}
// with torch.no_grad():
//     lstm.weight_ih_l0.copy_(torch.tensor(np.vstack([Ws[g][:, H:] for g in "ifco"])))
//     lstm.weight_hh_l0.copy_(torch.tensor(np.vstack([Ws[g][:, :H] for g in "ifco"])))
//     lstm.bias_ih_l0.copy_(torch.tensor(np.concatenate([bs[g] for g in "ifco"])))
//     lstm.bias_hh_l0.zero_()
//     out, (hT, cT) = lstm(torch.tensor(X)[:, None, :], (torch.tensor(h0)[None, None], torch.tensor(c0)[None, None]))
// fmt("TORCH_LSTM_H", out[:, 0].numpy()); fmt("TORCH_LSTM_C_LAST", cT[0, 0].numpy())
// hs, cs = lstm_np((False, False, False), False)
// assert np.allclose(hs, out[:, 0].numpy(), atol=1e-14)
// hs, cs = lstm_np((True, True, True), False); fmt("NUMPY_PEEPHOLE_H", hs); fmt("NUMPY_PEEPHOLE_C", cs)
// hs, cs = lstm_np((False, False, True), False); fmt("NUMPY_PEEPHOLE_O_H", hs)
// hs, cs = lstm_np((False, False, False), True); fmt("NUMPY_COUPLED_H", hs); fmt("NUMPY_COUPLED_C", cs)
// # GRU: W_z, b_z = pat(11), pat(12); W_r, b_r = pat(13), pat(14); W, b = pat(15), pat(16); b_hn = pat(17)
// Wz, bz, Wr, br, Wh, bh, bhn = pat(11, H, H + I), pat(12, H, 1)[:, 0], pat(13, H, H + I), pat(14, H, 1)[:, 0], pat(15, H, H + I), pat(16, H, 1)[:, 0], pat(17, H, 1)[:, 0]
// h, hs = h0, []
// for x in X:  # the lecture's GRU
//     z = sig(Wz @ np.concatenate([h, x]) + bz); r = sig(Wr @ np.concatenate([h, x]) + br)
//     ht = np.tanh(Wh @ np.concatenate([r * h, x]) + bh)
//     h = (1 - z) * h + z * ht; hs.append(h)
// fmt("NUMPY_GRU_H", np.array(hs))
// gru = torch.nn.GRU(I, H)  # rows stacked (reset, update, new)
// with torch.no_grad():
//     gru.weight_ih_l0.copy_(torch.tensor(np.vstack([Wr[:, H:], Wz[:, H:], Wh[:, H:]])))
//     gru.weight_hh_l0.copy_(torch.tensor(np.vstack([Wr[:, :H], Wz[:, :H], Wh[:, :H]])))
//     gru.bias_ih_l0.copy_(torch.tensor(np.concatenate([br, bz, bh])))
//     gru.bias_hh_l0.copy_(torch.tensor(np.concatenate([0 * br, 0 * bz, bhn])))
//     out, _ = gru(torch.tensor(X)[:, None, :], torch.tensor(h0)[None, None])
// fmt("TORCH_GRU_H", out[:, 0].numpy())
// for act in ("tanh", "relu"):  # nn.RNN: W = pat(21) = [W_hh | W_ih], b = pat(22)
//     rnn = torch.nn.RNN(I, H, nonlinearity=act)
//     with torch.no_grad():
//         rnn.weight_ih_l0.copy_(torch.tensor(pat(21, H, H + I)[:, H:])); rnn.weight_hh_l0.copy_(torch.tensor(pat(21, H, H + I)[:, :H]))
//         rnn.bias_ih_l0.copy_(torch.tensor(pat(22, H, 1)[:, 0])); rnn.bias_hh_l0.zero_()
//         out, _ = rnn(torch.tensor(X)[:, None, :], torch.tensor(h0)[None, None])
//     fmt(f"TORCH_RNN_{act.upper()}_H", out[:, 0].numpy())
// ```
const TORCH_LSTM_H: [f64; 24] = [
    0.16897015797793508,
    0.14425718301561802,
    0.08021495233969425,
    0.014822568933532839,
    0.1751848494045477,
    0.1490726704430015,
    0.08446977106548763,
    0.046426287941280855,
    0.12749244981032737,
    0.17112715303468337,
    0.1100991132698291,
    0.07095890857028561,
    -0.02167604319128965,
    0.19816957424838028,
    0.15959307859703206,
    0.10822879262100352,
    -0.2558725106747955,
    0.1445814832462425,
    0.21494334659221037,
    0.15730731025216302,
    -0.3939779883939013,
    -0.04994528241410286,
    0.2206728205468142,
    0.2079806690581462,
];
const TORCH_LSTM_C_LAST: [f64; 4] = [
    -0.7379515398255336,
    -0.06634072589925954,
    0.3239069476843284,
    0.4523349945586806,
];
const NUMPY_PEEPHOLE_H: [f64; 24] = [
    0.17708559880893254,
    0.24564944831743923,
    0.21405936720214547,
    0.035223105502898526,
    0.15750634321369777,
    0.18381471463660304,
    0.12271441634117192,
    0.10462134635545742,
    0.10724571073247019,
    0.16272230597277418,
    0.10279747017360365,
    0.10102574720177493,
    0.03489487950752547,
    0.14757372614314077,
    0.0928372223643942,
    0.08282883903235014,
    -0.06322659919107632,
    0.107100373395685,
    0.07738999112826886,
    0.07048212027390813,
    -0.1917831970670947,
    0.046261691721418766,
    0.043210893677855036,
    0.0661965949559627,
];
const NUMPY_PEEPHOLE_C: [f64; 24] = [
    0.3197345287727277,
    0.6684214036528452,
    0.7597963982083988,
    0.09584887079715956,
    0.23148914900291048,
    0.5406388396214433,
    0.7775018194381054,
    0.5310494363113435,
    0.14090041828422012,
    0.3956016139973815,
    0.6546731629625985,
    0.7142679451317863,
    0.04185589438288606,
    0.27247906145190587,
    0.48197874062579515,
    0.7415069212342976,
    -0.07223403699949464,
    0.15621913964272008,
    0.287434854348972,
    0.6801014877808929,
    -0.2188702789753313,
    0.058837970497620434,
    0.11259047430975277,
    0.5540206561746045,
];
const NUMPY_PEEPHOLE_O_H: [f64; 24] = [
    0.10506665500048157,
    0.11647313442591155,
    0.1693755199733055,
    0.046900755572779194,
    0.12275400503646797,
    0.08495806258740693,
    0.10049506174265174,
    0.126785622873836,
    0.11150886726745722,
    0.10418813756323732,
    0.08443301128531112,
    0.11229130004168461,
    -0.009594729811047755,
    0.1474524890986906,
    0.08597493849694686,
    0.08081732292811364,
    -0.2858764868697106,
    0.11837142028610678,
    0.10047264903205136,
    0.06259234704455353,
    -0.5256793156911261,
    -0.0802547004882779,
    0.10636259032673669,
    0.06727056060881942,
];
const NUMPY_COUPLED_H: [f64; 24] = [
    0.24663049677190121,
    0.2899586721530982,
    0.10473676017715047,
    0.014451661549102721,
    0.2523898987752528,
    0.4149320640058491,
    0.13375257540660798,
    0.051571091438364566,
    0.18106912084854418,
    0.49031798431708423,
    0.20046130285398678,
    0.07583450248628884,
    0.06410062028577809,
    0.5099001185972678,
    0.31414706510286894,
    0.1222032469780549,
    -0.07032074868814533,
    0.4409081690417738,
    0.4285287286667031,
    0.2025816630284213,
    -0.1911406095362037,
    0.29968362517717667,
    0.4701953263189366,
    0.30308420012782517,
];
const NUMPY_COUPLED_C: [f64; 24] = [
    0.3180885703004539,
    0.8130390581661298,
    0.8644202026638641,
    0.10990684460588425,
    0.2975937655289482,
    0.8931997326790984,
    0.9572419462773436,
    0.5825334832081711,
    0.20874659923823963,
    0.8904270973882378,
    0.9662551075027226,
    0.7938672271818517,
    0.07507585187011755,
    0.8022391887499307,
    0.946890202789928,
    0.8767230990501076,
    -0.08810148726268836,
    0.610482913748483,
    0.8912349749403362,
    0.9046961379800347,
    -0.27517554395889476,
    0.384804394978817,
    0.7777375850134969,
    0.8998909728805398,
];
const NUMPY_GRU_H: [f64; 24] = [
    -0.4173208124691912,
    -0.81629382905826,
    -0.609139035122564,
    0.5212182133238698,
    -0.7752349715076239,
    -0.9385518566247311,
    -0.554233390101131,
    0.6749980343020732,
    -0.8407157442232902,
    -0.9197001697561975,
    -0.5343350033239886,
    0.6783527272598223,
    -0.6853913561525806,
    -0.8017212599428055,
    -0.5253446852568983,
    0.4576438006276715,
    -0.256276616564472,
    -0.5190793011027623,
    -0.49509797822681617,
    0.042051742845095,
    0.14419261526911759,
    -0.22003264633972006,
    -0.4263963280881431,
    -0.34152327128162974,
];
const TORCH_GRU_H: [f64; 24] = [
    -0.3307360531519189,
    -0.1738693284289745,
    -0.2508256677303495,
    0.3169916350328042,
    -0.6118972872717533,
    -0.28774133519332235,
    -0.3110964929813156,
    0.4466623609240847,
    -0.7693626557596707,
    -0.4159636238865875,
    -0.38580395678831825,
    0.43809553409365554,
    -0.7772671295892299,
    -0.5577899324871098,
    -0.4780311906438564,
    0.2797551144542227,
    -0.430186416495609,
    -0.5156708065567995,
    -0.49127214367324246,
    0.048675335554559024,
    0.17532467801444745,
    -0.0038986150409553166,
    -0.29244618143924705,
    -0.19410855420986994,
];
const TORCH_RNN_TANH_H: [f64; 24] = [
    -0.8488244998046827,
    -0.9651662173981386,
    -0.8496414589750088,
    0.4270658802800198,
    -0.9635400916458596,
    -0.9517211629958422,
    -0.2972352278285217,
    0.8993310095511609,
    -0.9050937309392945,
    -0.9564686519448462,
    -0.6992265641346865,
    0.6785089041093488,
    -0.7059712138096929,
    -0.7414191254215289,
    -0.2972111562716101,
    0.5172875518207148,
    -0.01192146965098026,
    -0.2295705941977476,
    -0.27166755258907554,
    -0.11222895856191285,
    0.7682872915020317,
    0.6431225614311376,
    -0.06685996414252067,
    -0.689355436786174,
];
const TORCH_RNN_RELU_H: [f64; 24] = [
    0.0,
    0.0,
    0.0,
    0.45630252379842956,
    0.0,
    0.0,
    0.0,
    0.12716826386913477,
    0.0,
    0.0,
    0.0,
    0.0,
    0.061759259370579946,
    0.0,
    0.0,
    0.0,
    0.7134821971833313,
    0.0,
    0.0,
    0.0,
    1.492967958795743,
    0.6093488377588989,
    0.0,
    0.0,
];

#[test]
fn lstm_matches_torch_nn_lstm() {
    let trace = lstm(LstmConfig {
        forget_bias: 0.0,
        ..LstmConfig::default()
    })
    .seq(&reference_inputs(), Some(&reference_state(true)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &TORCH_LSTM_H,
        "h",
    );
    assert_close(trace.previous_cell(T), &TORCH_LSTM_C_LAST, "C_T");
}

#[test]
fn peephole_lstm_matches_numpy() {
    let trace = lstm(LstmConfig {
        peepholes: Peepholes::ALL,
        ..LstmConfig::default()
    })
    .seq(&reference_inputs(), Some(&reference_state(true)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &NUMPY_PEEPHOLE_H,
        "h",
    );
    assert_close(
        &trace.quantity(QuantityName::Cell).values,
        &NUMPY_PEEPHOLE_C,
        "C",
    );
    let only_output = Peepholes {
        output: true,
        ..Peepholes::NONE
    };
    let trace = lstm(LstmConfig {
        peepholes: only_output,
        ..LstmConfig::default()
    })
    .seq(&reference_inputs(), Some(&reference_state(true)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &NUMPY_PEEPHOLE_O_H,
        "h (output peephole)",
    );
}

#[test]
fn coupled_lstm_matches_numpy() {
    let trace = lstm(LstmConfig {
        coupled: true,
        ..LstmConfig::default()
    })
    .seq(&reference_inputs(), Some(&reference_state(true)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &NUMPY_COUPLED_H,
        "h",
    );
    assert_close(
        &trace.quantity(QuantityName::Cell).values,
        &NUMPY_COUPLED_C,
        "C",
    );
    let (f, i) = (
        trace.quantity(QuantityName::Forget),
        trace.quantity(QuantityName::InputGate),
    );
    for (f, i) in f.values.iter().zip(&i.values) {
        assert!(
            (f + i - 1.0).abs() < 1e-12,
            "the coupled input gate is 1 − f"
        );
    }
}

#[test]
fn gru_lecture_form_matches_numpy() {
    let trace = gru(GruForm::Lecture).seq(&reference_inputs(), Some(&reference_state(false)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &NUMPY_GRU_H,
        "h",
    );
}

#[test]
fn gru_pytorch_form_matches_torch_nn_gru() {
    let trace = gru(GruForm::PyTorch).seq(&reference_inputs(), Some(&reference_state(false)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &TORCH_GRU_H,
        "h",
    );
}

#[test]
fn rnn_matches_torch_nn_rnn() {
    let trace = rnn(Activation::Tanh).seq(&reference_inputs(), Some(&reference_state(false)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &TORCH_RNN_TANH_H,
        "s (tanh)",
    );
    let trace = rnn(Activation::Relu).seq(&reference_inputs(), Some(&reference_state(false)));
    assert_close(
        &trace.quantity(QuantityName::Hidden).values,
        &TORCH_RNN_RELU_H,
        "s (ReLU)",
    );
}

#[test]
fn f32_cells_agree_with_f64() {
    let mut cell32 = Lstm::<f32>::new(
        I,
        H,
        LstmConfig {
            peepholes: Peepholes::ALL,
            ..LstmConfig::default()
        },
        &mut crate::rng::Rng::seeded(0),
    );
    patterned(&mut cell32.params, &LSTM_SEEDS);
    let trace32 = cell32.seq(&reference_inputs(), Some(&reference_state(true)));
    #[allow(clippy::cast_possible_truncation)]
    for (a, b) in trace32
        .quantity(QuantityName::Hidden)
        .values
        .iter()
        .zip(NUMPY_PEEPHOLE_H)
    {
        assert!((a - b as f32).abs() < 1e-5, "{a} vs {b}");
    }
}

#[test]
fn steps_chained_equal_the_sequence() {
    let inputs = reference_inputs::<f64>();
    let cells = [
        Cell::Rnn(rnn(Activation::Tanh)),
        Cell::Lstm(lstm(LstmConfig {
            peepholes: Peepholes::ALL,
            ..LstmConfig::default()
        })),
        Cell::Gru(gru(GruForm::Lecture)),
    ];
    for cell in cells {
        let initial = reference_state(cell.has_cell_state());
        let trace = cell.seq(&inputs, Some(&initial));
        let mut state = initial;
        for (t, x) in inputs.iter().enumerate() {
            state = cell.step(x, &state);
            assert_eq!(
                state.hidden,
                trace.quantity(QuantityName::Hidden).at(t),
                "h_{t}"
            );
        }
    }
}

/// Every model configuration whose gradients are checked.
fn every_config(output: Output) -> Vec<ModelConfig> {
    let base = ModelConfig {
        input_size: I,
        hidden_size: H,
        output_size: 3,
        output,
        seed: 5,
        ..ModelConfig::default()
    };
    let mut configs: Vec<ModelConfig> = Variant::ALL
        .iter()
        .map(|&variant| ModelConfig { variant, ..base })
        .collect();
    configs.push(ModelConfig {
        variant: Variant::Gru,
        gru_form: GruForm::PyTorch,
        ..base
    });
    configs.push(ModelConfig {
        variant: Variant::Rnn,
        rnn_activation: Activation::Relu,
        ..base
    });
    configs.push(ModelConfig {
        variant: Variant::Peephole,
        peepholes: Peepholes {
            input: true,
            ..Peepholes::NONE
        },
        ..base
    });
    configs
}

fn check_sequence(output: Output, last_only: bool) -> Sequence {
    let inputs: Vec<Vec<f32>> = reference_inputs::<f64>()
        .iter()
        .map(|x| x.iter().map(|v| (*v as f32 * 4.0).round() / 4.0).collect())
        .collect();
    let targets = (0..T)
        .map(|t| match output {
            Output::Classes => Some(Target::Class(t % 3)),
            #[allow(clippy::cast_precision_loss)]
            Output::Values => Some(Target::Values(vec![0.3 * t as f32 - 0.5, 0.1, -0.4])),
        })
        .collect();
    let sequence = Sequence { inputs, targets };
    if last_only {
        sequence.last_target_only()
    } else {
        sequence
    }
}

#[test]
fn backprop_through_time_matches_finite_differences_for_every_variant() {
    // In f64: the same generic code the playground runs in f32.
    for (output, last_only) in [(Output::Classes, false), (Output::Values, true)] {
        let sequence = check_sequence(output, last_only);
        for config in every_config(output) {
            let model = Model::<f64>::new(config);
            let analytic = model.backprop(&sequence);
            let numeric = gradient(
                |p| {
                    let mut probe = model.clone();
                    probe.set_parameters(p);
                    probe.loss(&sequence)
                },
                &model.parameters(),
            );
            assert_eq!(analytic.gradients.len(), numeric.len());
            for (k, (a, n)) in analytic.gradients.iter().zip(&numeric).enumerate() {
                // Central differences in f64 are accurate to about 1e-10 absolute here.
                let err = relative_error(*a, *n, 1e-5);
                assert!(
                    err < 1e-4,
                    "{:?} {:?}: parameter {k}: {a} vs {n}",
                    config.variant,
                    output
                );
            }
            assert!((analytic.loss - model.loss(&sequence)).abs() < 1e-12);
        }
    }
}

fn lstm_hidden_from_cell(l: &Lstm<f64>, c: &[f64], h_prev: &[f64], x: &[f64]) -> Vec<f64> {
    let (w, b) = (l.params.values_of("W_o"), l.params.values_of("b_o"));
    let z: Vec<f64> = if l.config.peepholes.output {
        c.iter().chain(h_prev).chain(x).copied().collect()
    } else {
        h_prev.iter().chain(x).copied().collect()
    };
    (0..H)
        .map(|j| {
            sigmoid(crate::recurrent::real::dot(&w[j * z.len()..(j + 1) * z.len()], &z) + b[j])
                * c[j].tanh()
        })
        .collect()
}

/// `loss = Σ_t w_t·h_t` with the state perturbed right after step `t0`: the derivative
/// of the loss with respect to `h_{t0}` (or `C_{t0}`) by central differences.
fn perturbed_norm(
    cell: &Cell<f64>,
    inputs: &[Vec<f64>],
    weights: &[f64],
    t0: usize,
    perturb_cell: bool,
) -> f64 {
    let head = cell.seq(&inputs[..=t0], None);
    let base = State {
        hidden: head.last_hidden().to_vec(),
        cell: if cell.has_cell_state() {
            head.previous_cell(t0 + 1).to_vec()
        } else {
            Vec::new()
        },
    };
    let loss = |state: &State<f64>| {
        let mut total: f64 = (0..t0)
            .map(|t| {
                crate::recurrent::real::dot(
                    head.quantity(QuantityName::Hidden).at(t),
                    &weights[t * H..(t + 1) * H],
                )
            })
            .sum();
        total += crate::recurrent::real::dot(&state.hidden, &weights[t0 * H..(t0 + 1) * H]);
        let tail = cell.seq(&inputs[t0 + 1..], Some(state));
        for t in 0..tail.steps {
            let w = &weights[(t0 + 1 + t) * H..(t0 + 2 + t) * H];
            total += crate::recurrent::real::dot(tail.quantity(QuantityName::Hidden).at(t), w);
        }
        total
    };
    let d: Vec<f64> = (0..H)
        .map(|j| {
            crate::gradcheck::derivative(
                |v| {
                    let mut s = base.clone();
                    if perturb_cell {
                        // h_t = o_t * tanh(C_t) moves with C_t (o_t too, if it peeps).
                        s.cell[j] = v;
                        if let Cell::Lstm(l) = cell {
                            s.hidden = lstm_hidden_from_cell(
                                l,
                                &s.cell,
                                head.previous_hidden(t0),
                                &inputs[t0],
                            );
                        }
                    } else {
                        s.hidden[j] = v;
                    }
                    loss(&s)
                },
                if perturb_cell {
                    base.cell[j]
                } else {
                    base.hidden[j]
                },
            )
        })
        .collect();
    d.iter().map(|v| v * v).sum::<f64>().sqrt()
}

#[test]
fn gradient_flow_norms_match_finite_differences() {
    let inputs = reference_inputs::<f64>();
    #[allow(clippy::cast_precision_loss)]
    let weights: Vec<f64> = (0..T * H).map(|k| (0.77 * k as f64).cos()).collect();
    let cells = [
        Cell::Rnn(rnn(Activation::Tanh)),
        Cell::Lstm(lstm(LstmConfig {
            peepholes: Peepholes::ALL,
            ..LstmConfig::default()
        })),
        Cell::Lstm(lstm(LstmConfig {
            coupled: true,
            ..LstmConfig::default()
        })),
        Cell::Gru(gru(GruForm::Lecture)),
        Cell::Gru(gru(GruForm::PyTorch)),
    ];
    for cell in cells {
        let trace = cell.seq(&inputs, None);
        let mut grads = vec![0.0; cell.params().len()];
        let flow = cell.backward(&trace, &weights, &mut grads);
        for t0 in 0..T - 1 {
            let want = perturbed_norm(&cell, &inputs, &weights, t0, false);
            assert!(
                relative_error(flow.hidden[t0], want, 1e-8) < 1e-6,
                "‖∂L/∂h_{t0}‖ {} vs {want}",
                flow.hidden[t0]
            );
            if cell.has_cell_state() {
                let want = perturbed_norm(&cell, &inputs, &weights, t0, true);
                assert!(
                    relative_error(flow.cell[t0], want, 1e-8) < 1e-6,
                    "‖∂L/∂C_{t0}‖ {} vs {want}",
                    flow.cell[t0]
                );
            }
        }
        // ‖∂L/∂x_t‖ against differences on the inputs.
        for t0 in 0..T {
            let numeric = gradient(
                |x| {
                    let mut probe = inputs.clone();
                    probe[t0] = x.to_vec();
                    let tr = cell.seq(&probe, None);
                    crate::recurrent::real::dot(&tr.quantity(QuantityName::Hidden).values, &weights)
                },
                &inputs[t0],
            );
            let want = numeric.iter().map(|v| v * v).sum::<f64>().sqrt();
            assert!(
                relative_error(flow.input[t0], want, 1e-8) < 1e-6,
                "‖∂L/∂x_{t0}‖ {} vs {want}",
                flow.input[t0]
            );
        }
    }
}

fn evaluate_line(line: &EquationLine<f64>) -> f64 {
    match &line.terms {
        Terms::Affine {
            activation,
            weights,
            inputs,
            bias,
            extra,
            pre_activation,
            ..
        } => {
            let a =
                crate::recurrent::real::dot(weights, inputs) + bias + extra.map_or(0.0, |e| e.1);
            assert!(
                (a - pre_activation).abs() < 1e-12,
                "{}: pre-activation",
                line.formula
            );
            activation.value(a)
        }
        Terms::Combination { operands } => {
            let v: Vec<f64> = operands.iter().map(|o| o.1).collect();
            match line.formula {
                "i_t = 1 − f_t" => 1.0 - v[0],
                "C_t = f_t * C_{t−1} + i_t * C̃_t" => v[0] * v[1] + v[2] * v[3],
                "C_t = f_t * C_{t−1} + (1 − f_t) * C̃_t" => v[0] * v[1] + (1.0 - v[2]) * v[3],
                "h_t = o_t * tanh(C_t)" => v[0] * v[1].tanh(),
                "h_t = (1 − z_t) * h_{t−1} + z_t * h̃_t" => (1.0 - v[0]) * v[1] + v[2] * v[3],
                "h_t = (1 − z_t) * h̃_t + z_t * h_{t−1}" => (1.0 - v[0]) * v[1] + v[2] * v[3],
                other => panic!("unknown formula {other}"),
            }
        }
    }
}

#[test]
fn equations_with_numbers_filled_in_reproduce_the_trace() {
    let sequence = check_sequence(Output::Classes, false);
    for config in every_config(Output::Classes) {
        let model = Model::<f64>::new(config);
        let trace = model.forward(&sequence.inputs);
        for (t, unit) in [(0, 0), (3, 2), (T - 1, H - 1)] {
            let lines = model.equations(&trace, t, unit);
            for line in &lines {
                let value = trace.quantity(line.quantity).value(t, unit);
                assert!((line.value - value).abs() < 1e-15, "{}", line.formula);
                assert!(
                    (evaluate_line(line) - value).abs() < 1e-12,
                    "{:?}: {} at t = {t}",
                    config.variant,
                    line.formula
                );
            }
            let names: Vec<QuantityName> = lines.iter().map(|l| l.quantity).collect();
            assert_eq!(
                names,
                config.variant.quantities(),
                "one line per quantity, in display order"
            );
        }
    }
}

fn trained(task: &Task, variant: Variant, hidden: usize, steps: usize, seed: u64) -> Trainer {
    let model = Model::new(task.model_config(variant, hidden, seed));
    let mut trainer = Trainer::new(
        model,
        task.clone(),
        TrainConfig {
            seed,
            ..TrainConfig::default()
        },
    );
    for _ in 0..steps {
        trainer.step();
    }
    trainer
}

#[test]
#[ignore = "≈ 15 s in a debug build; run with `cargo test --release -p nnp-core -- --ignored`. \
            every_variant_learns_a_short_memory_by_bptt is the fast check of BPTT"]
fn lstm_remembers_the_first_symbol_where_the_plain_rnn_fails() {
    // 4 symbols to remember over 30 steps of 8 distractors; seeded. With these seeds the
    // LSTM is right on fresh sequences after 300 updates and the RNN is near chance (it
    // settles at ≈ 0.5 even after 1200 updates).
    let task = Task::remember_first(30);
    let lstm = trained(&task, Variant::Lstm, 16, 300, 1).evaluate(100, 99);
    let rnn = trained(&task, Variant::Rnn, 16, 300, 1).evaluate(100, 99);
    assert!(lstm.accuracy.is_some_and(|a| a >= 0.95), "LSTM: {lstm:?}");
    assert!(rnn.accuracy.is_some_and(|a| a <= 0.7), "RNN: {rnn:?}");
}

#[test]
fn every_variant_learns_a_short_memory_by_bptt() {
    // Remembering over 6 steps needs gradients through 6 steps: without BPTT every
    // variant would stay at chance (0.25).
    let task = Task::RememberFirst {
        length: 6,
        symbols: 4,
        distractors: 2,
    };
    for variant in Variant::ALL {
        let result = trained(&task, variant, 8, 150, 2).evaluate(100, 7);
        assert!(
            result.accuracy.is_some_and(|a| a >= 0.9),
            "{variant:?}: {result:?}"
        );
    }
}

#[test]
fn gru_predicts_the_next_value_of_a_noisy_sine() {
    let task = Task::NoisySine {
        length: 20,
        noise: 0.05,
    };
    let untrained = trained(&task, Variant::Gru, 12, 0, 3).evaluate(50, 5);
    let result = trained(&task, Variant::Gru, 12, 200, 3).evaluate(50, 5);
    // Loss ½(y − x_{t+1})²: the noise alone costs ½·0.05² ≈ 0.001.
    assert!(
        result.loss < 0.02 && result.loss < untrained.loss / 5.0,
        "{untrained:?} → {result:?}"
    );
    assert_eq!(result.accuracy, None);
}

#[test]
fn the_plain_rnn_gradient_vanishes_faster_than_the_lstm_gradient() {
    // Loss at the last step only; ‖∂loss/∂h_t‖ at the first step relative to the last.
    let task = Task::remember_first(30);
    let sequence = task.sample(&mut crate::rng::Rng::seeded(4));
    let ratio = |variant| {
        let model = Model::<f64>::new(task.model_config(variant, 16, 1));
        let flow = model.backprop(&sequence).flow;
        flow.hidden[0] / flow.hidden[29]
    };
    let (rnn, lstm) = (ratio(Variant::Rnn), ratio(Variant::Lstm));
    assert!(
        rnn < 1e-3 && lstm > 100.0 * rnn,
        "RNN {rnn:e}, LSTM {lstm:e}"
    );
}

#[test]
fn clipping_and_adam_follow_their_formulas() {
    let mut g = vec![3.0_f64, 4.0];
    assert_eq!(clip_gradient_norm(&mut g, 1.0), 5.0);
    assert!((g[0] - 0.6).abs() < 1e-15 && (g[1] - 0.8).abs() < 1e-15);
    let mut g = vec![0.3_f64, 0.4];
    assert_eq!(clip_gradient_norm(&mut g, 1.0), 0.5);
    assert_eq!(g, [0.3, 0.4]);
    // Adam's first step moves every parameter by η against the sign of its gradient.
    let mut model = Model::<f64>::new(ModelConfig {
        input_size: 2,
        hidden_size: 2,
        output_size: 2,
        ..ModelConfig::default()
    });
    let before = model.parameters();
    let grads: Vec<f64> = (0..before.len())
        .map(|k| if k % 2 == 0 { 0.5 } else { -2.0 })
        .collect();
    let mut adam = Adam::new(AdamConfig::default(), before.len());
    adam.step(&mut model, &grads);
    for (k, (a, b)) in model.parameters().iter().zip(&before).enumerate() {
        let want = if k % 2 == 0 { -0.01 } else { 0.01 };
        assert!((a - b - want).abs() < 1e-9, "parameter {k}");
    }
}

#[test]
fn tasks_make_what_they_promise() {
    let mut rng = crate::rng::Rng::seeded(8);
    let task = Task::remember_first(12);
    let s = task.sample(&mut rng);
    assert_eq!(s.inputs.len(), 12);
    let Some(Target::Class(first)) = s.targets[11] else {
        panic!("the answer is asked at the last step")
    };
    assert_eq!(s.inputs[0][first], 1.0);
    assert!(s.targets[..11].iter().all(Option::is_none));
    assert!(
        s.inputs[1..]
            .iter()
            .all(|x| x[..4].iter().all(|v| *v == 0.0)),
        "distractors only after step 0"
    );

    let s = Task::BracketDepth {
        length: 40,
        max_depth: 3,
    }
    .sample(&mut rng);
    let mut depth = 0_i32;
    for (x, target) in s.inputs.iter().zip(&s.targets) {
        depth += if x[0] == 1.0 { 1 } else { -1 };
        assert!((0..=3).contains(&depth));
        assert_eq!(
            *target,
            Some(Target::Class(usize::try_from(depth).unwrap_or(99)))
        );
    }

    let s = Task::NoisySine {
        length: 10,
        noise: 0.1,
    }
    .sample(&mut rng);
    for t in 0..9 {
        assert_eq!(
            s.targets[t],
            Some(Target::Values(s.inputs[t + 1].clone())),
            "the target is the next value"
        );
    }

    let text = Task::text("hello world", 5).unwrap();
    assert_eq!(text.output_labels().concat(), " dehlorw");
    let s = text.sample(&mut rng);
    for t in 0..4 {
        let Some(Target::Class(next)) = s.targets[t] else {
            panic!("a target at every step")
        };
        assert_eq!(
            s.inputs[t + 1][next],
            1.0,
            "the target is the next character"
        );
    }
    assert_eq!(Task::text("a", 5), Err(TaskError::TextTooShort));
    assert_eq!(Task::text("aaaa", 5), Err(TaskError::SingleCharacter));
}

#[test]
fn a_task_is_learnt_when_the_last_ten_updates_say_so() {
    let record = |step, loss, accuracy| TrainStep {
        step,
        loss,
        gradient_norm: 1.0,
        accuracy,
    };
    let mut memory = trained(&Task::remember_first(5), Variant::Lstm, 4, 0, 1);
    for step in 1..TARGET_WINDOW {
        memory.history.push(record(step, 0.1, Some(1.0)));
    }
    assert!(!memory.target_met(), "nine perfect updates are not enough");
    memory.history.push(record(TARGET_WINDOW, 0.1, Some(0.5)));
    assert!(memory.target_met(), "a mean of exactly 95 % is");
    memory
        .history
        .push(record(TARGET_WINDOW + 1, 0.1, Some(0.4)));
    assert!(!memory.target_met(), "94 % is not: only the last ten count");

    let sine_task = Task::NoisySine {
        length: 20,
        noise: 0.1,
    };
    let mut sine = trained(&sine_task, Variant::Lstm, 4, 0, 1);
    sine.history = (1..=TARGET_WINDOW)
        .map(|s| record(s, 0.019, None))
        .collect();
    assert!(sine.target_met());
    sine.history.push(record(11, 0.2, None));
    assert!(!sine.target_met(), "mean loss 0.037");
}
