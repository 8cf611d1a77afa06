//! Strings of the Boundaries screen, one table per language. `{name}` marks a value the
//! screen puts in.

mod zh;

pub use zh::ZH;

/// The language a formula's problem is worded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemWords {
    /// The core's own words.
    English,
    /// Simplified Chinese.
    Chinese,
}

impl ProblemWords {
    /// What is wrong with a typed formula, in this language.
    pub fn say(self, problem: &nnp_core::features::FormulaProblem) -> String {
        match self {
            ProblemWords::English => problem.to_string(),
            ProblemWords::Chinese => zh::formula_problem(problem),
        }
    }

    /// What is wrong with a points file (and where), in this language; the points stay.
    pub fn say_csv(self, error: &nnp_core::dataset::csv::CsvError) -> String {
        match self {
            ProblemWords::English => {
                format!(
                    "The file's points could not be used — {error}. The points are as they were."
                )
            }
            ProblemWords::Chinese => zh::csv_error(error),
        }
    }
}

/// Every string the Boundaries screen shows.
#[derive(Debug, PartialEq)]
pub struct BoundariesTexts {
    /// One paragraph under the title.
    pub intro: &'static str,
    /// Heading of the data panel.
    pub data_heading: &'static str,
    /// Label of the data-set menu.
    pub dataset: &'static str,
    /// Names of the data sets: circle, XOR, two Gaussians, spiral, the two cars.
    pub dataset_names: [&'static str; 5],
    /// Label of the noise slider.
    pub noise: &'static str,
    /// Label of the train-ratio slider.
    pub train_ratio: &'static str,
    /// Button: new points of the same kind.
    pub regenerate: &'static str,
    /// Checkbox: draw the test points.
    pub show_test: &'static str,
    pub discretize: &'static str,
    pub frame_time: &'static str,
    pub too_many_points: &'static str,
    /// Count of points: `{train}` training, `{test}` test.
    pub point_counts: &'static str,
    /// Heading of the painting tools.
    pub paint_heading: &'static str,
    /// How to paint.
    pub paint_hint: &'static str,
    /// Tool: add +1 points.
    pub tool_look: &'static str,
    pub undo: &'static str,
    pub undo_hint: &'static str,
    pub redo: &'static str,
    pub redo_hint: &'static str,
    pub tool_positive: &'static str,
    /// Tool: add −1 points.
    pub tool_negative: &'static str,
    /// Tool: eraser.
    pub tool_eraser: &'static str,
    /// Button: remove every point.
    pub clear_points: &'static str,
    /// Heading of the φ panel.
    pub features_heading: &'static str,
    /// What φ is.
    pub features_hint: &'static str,
    /// Label of the degree slider.
    pub degree: &'static str,
    /// Degree slider at 0.
    pub degree_off: &'static str,
    /// Label of the formula field.
    pub formula: &'static str,
    /// Placeholder of the formula field.
    pub formula_placeholder: &'static str,
    /// Button: add the formula to φ.
    pub formula_add: &'static str,
    /// Before the parser's message.
    pub formula_error: &'static str,
    /// Accessible name of the button removing a formula.
    pub formula_remove: &'static str,
    /// Heading of the network panel.
    pub network_heading: &'static str,
    /// The lecture's idea the pictures show.
    pub network_hint: &'static str,
    /// Checkbox: the linear model.
    pub linear_mode: &'static str,
    /// What the linear model is.
    pub linear_hint: &'static str,
    /// Button: add a hidden layer.
    pub add_layer: &'static str,
    /// Button: remove the last hidden layer.
    pub remove_layer: &'static str,
    /// `{n}` hidden layers.
    pub hidden_layers: &'static str,
    /// Accessible name: one more unit in layer `{n}`.
    pub more_units: &'static str,
    /// Accessible name: one fewer unit in layer `{n}`.
    pub fewer_units: &'static str,
    /// `{n}` units.
    pub units: &'static str,
    /// Accessible name of a layer's activation menu (`{n}` is the layer).
    pub activation: &'static str,
    /// Column title of the inputs.
    pub inputs_column: &'static str,
    /// Column title of hidden layer `{n}`.
    pub layer_column: &'static str,
    /// Column title of the output (`{act}` is its activation).
    pub output_column: &'static str,
    /// Hover text of a link: from `{from}` to `{to}`, weight `{w}`.
    pub link_title: &'static str,
    /// Shown before any link is hovered.
    pub link_hint: &'static str,
    /// The diagram's name for screen readers and its keys.
    pub links_label: &'static str,
    pub weight_edit: &'static str,
    pub weight_set: &'static str,
    pub weight_invalid: &'static str,
    pub close: &'static str,
    /// Name of unit `{unit}` of hidden layer `{layer}`.
    pub unit_name: &'static str,
    /// Name of the output unit.
    pub output_name: &'static str,
    /// Heading of the training bar.
    pub train_heading: &'static str,
    /// Button.
    pub play: &'static str,
    /// Button.
    pub pause: &'static str,
    /// Button: one epoch.
    pub step: &'static str,
    /// Button: new random weights.
    pub reset: &'static str,
    /// Label of the epoch counter.
    pub epoch: &'static str,
    /// Label of the learning-rate field.
    pub learning_rate: &'static str,
    /// Label of the batch-size slider.
    pub batch_size: &'static str,
    /// Label of the regularisation menu.
    pub regularization: &'static str,
    /// Regularisation choices: none, L1, L2.
    pub regularization_names: [&'static str; 3],
    /// Label of the regularisation-rate field.
    pub regularization_rate: &'static str,
    /// Label of the loss menu.
    pub loss: &'static str,
    /// Loss names: squared, hinge, logistic.
    pub loss_names: [&'static str; 3],
    /// A number field holds something else.
    pub bad_number: &'static str,
    /// Metric label.
    pub train_loss: &'static str,
    /// Metric label.
    pub test_loss: &'static str,
    /// Metric label.
    pub train_accuracy: &'static str,
    /// Metric label.
    pub test_accuracy: &'static str,
    /// Accessible description of the loss chart.
    pub chart_description: &'static str,
    pub accuracy_chart_description: &'static str,
    /// Words what is wrong with a typed formula.
    pub formula_problem: ProblemWords,
    /// Words what is wrong with a points file.
    pub csv_words: ProblemWords,
    pub csv_export: &'static str,
    pub csv_import: &'static str,
    pub csv_hint: &'static str,
    pub csv_imported: &'static str,
    pub csv_unreadable: &'static str,
    pub margin_heading: &'static str,
    pub margin_description: &'static str,
    pub margin_squared: &'static str,
    pub margin_hinge: &'static str,
    pub margin_logistic: &'static str,
    pub margin_slope: &'static str,
    pub margin_points_positive: &'static str,
    pub margin_points_negative: &'static str,
    pub margin_loss_symbol: &'static str,
    pub margin_hint: &'static str,
    /// Accessible description of the plane.
    pub plane_description: &'static str,
    /// How to paint with the keyboard (read with the plane's description).
    pub plane_keys: &'static str,
    /// Training diverged at epoch `{epoch}` with learning rate `{rate}`.
    pub diverged: &'static str,
    /// Why sign cannot be trained.
    pub sign_cannot_train: &'static str,
    /// Nothing to train on.
    pub no_points: &'static str,
    /// φ cannot be empty.
    pub empty_phi: &'static str,
    /// The constant 1 was added to φ for the linear model.
    pub one_added: &'static str,
    /// Button closing a notice.
    pub dismiss: &'static str,
    pub link_partly_read: &'static str,
    pub saved_partly_read: &'static str,
    pub hyp_title: &'static str,
    pub hyp_intro: &'static str,
    pub hyp_parabola: &'static str,
    pub hyp_parabola_note: &'static str,
    pub hyp_new_data: &'static str,
    pub hyp_temperature: &'static str,
    pub hyp_temperature_note: &'static str,
    pub hyp_data: &'static str,
    pub hyp_class: &'static str,
    pub hyp_weights: &'static str,
    pub hyp_error: &'static str,
    pub link_without_points: &'static str,
    /// The link could not hold the weights set by hand.
    pub link_without_weights: &'static str,
    pub replaying: &'static str,
    /// After the replay line: the time left, e.g. "about 3 min left" ({} is the time).
    pub replay_time_left: &'static str,
    /// Units of a duration: seconds, minutes, hours.
    pub duration_units: [&'static str; 3],
    /// Beside the epoch count while a long epoch is under way ({} is a percentage).
    pub epoch_part: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    /// Heading of the probe panel.
    pub probe_heading: &'static str,
    /// Shown while the pointer is not over the plane.
    pub probe_hint: &'static str,
    /// Row label: the point.
    pub probe_point: &'static str,
    /// Row label: the score.
    pub probe_score: &'static str,
    /// Row label: the predicted class.
    pub probe_class: &'static str,
    /// Row label of hidden layer `{n}`.
    pub probe_layer: &'static str,
}

/// English.
pub static EN: BoundariesTexts = BoundariesTexts {
    intro: "Pick or paint two classes of points, choose the feature map φ(x) and a network, and \
        press play: the background shows the score over the plane (blue: +1, orange: −1, paler: \
        less sure), and every small picture shows one feature or hidden unit.",
    data_heading: "Data",
    dataset: "Data set",
    dataset_names: [
        "Circle",
        "Exclusive or",
        "Two Gaussians",
        "Spiral",
        "Two cars (lecture)",
    ],
    noise: "Noise",
    train_ratio: "Training share",
    regenerate: "New points",
    show_test: "Show test points",
    discretize: "Discrete output (class only, no shading)",
    too_many_points: "The plane holds at most {max} points: erase some or clear before painting more.",
    frame_time: "Last frame: {total} ms ({training} ms training an epoch, {drawing} ms drawing); 60 frames per second need under 16 ms.",
    point_counts: "{train} training · {test} test points",
    paint_heading: "Paint",
    paint_hint: "Choose +1, −1 or the eraser, then click or drag on the plane (or Tab to it: arrow keys and Enter). With Look the plane only shows values, and a finger scrolls the page. Keys: 0 = look, 1 = +1, 2 = −1, E = eraser; Ctrl+Z undoes, Ctrl+Shift+Z redoes.",
    tool_look: "Look",
    undo: "Undo",
    undo_hint: "Take back the last stroke, clear or typed weight (Ctrl+Z)",
    redo: "Redo",
    redo_hint: "Make the last undone edit again (Ctrl+Shift+Z)",
    tool_positive: "+1",
    tool_negative: "−1",
    tool_eraser: "Eraser",
    clear_points: "Clear all",
    features_heading: "Features φ(x)",
    features_hint: "The network sees φ(x), not x: tick features, or take all monomials up to a degree.",
    degree: "All monomials up to degree",
    degree_off: "off",
    formula: "Your own feature",
    formula_placeholder: "e.g. sin(x1) * x2",
    formula_add: "Add",
    formula_error: "Not added",
    formula_remove: "Remove feature",
    network_heading: "Network",
    network_hint: "A hidden layer is a feature extraction function: each picture is one unit's \
        value over the plane. Links: blue positive, orange negative, thicker = larger |w|.",
    linear_mode: "Linear model score = W·φ(x)",
    linear_hint: "No hidden layer: the score is W·φ(x), and the constant 1 in φ plays the bias.",
    add_layer: "+ layer",
    remove_layer: "− layer",
    hidden_layers: "{n} hidden layers",
    more_units: "One more unit in layer {n}",
    fewer_units: "One fewer unit in layer {n}",
    units: "{n} units",
    activation: "Activation of layer {n}",
    inputs_column: "φ(x)",
    layer_column: "Layer {n}",
    output_column: "Output ({act})",
    link_title: "{from} → {to}: w = {w}",
    link_hint: "Point at a link to read its weight; click it to change it. With the keyboard: Tab to the diagram, arrow keys choose a link, Enter edits it.",
    links_label: "Weights of the network: ↑ ↓ next or previous link, ← → previous or next layer, Enter edits the weight",
    weight_edit: "{from} → {to}: w =",
    weight_set: "Set",
    weight_invalid: "Type a number, e.g. −1.5; the weight stays as it was.",
    close: "Close",
    unit_name: "unit {unit} of layer {layer}",
    output_name: "output",
    train_heading: "Training",
    play: "Play",
    pause: "Pause",
    step: "Step",
    reset: "Reset",
    epoch: "Epoch",
    learning_rate: "Learning rate",
    batch_size: "Batch size",
    regularization: "Regularisation",
    regularization_names: ["none", "L1", "L2"],
    regularization_rate: "Rate λ",
    loss: "Loss",
    loss_names: ["squared", "hinge", "logistic"],
    bad_number: "Type a number from 0 to 10, such as 0.03; the previous value is kept.",
    train_loss: "Training loss",
    test_loss: "Test loss",
    train_accuracy: "Training accuracy",
    test_accuracy: "Test accuracy",
    chart_description: "Training and test loss per epoch.",
    accuracy_chart_description: "Training and test accuracy (%) per epoch.",
    formula_problem: ProblemWords::English,
    csv_words: ProblemWords::English,
    csv_export: "Export points (CSV)",
    csv_import: "Import points (CSV)…",
    csv_hint: "One point per line, the label +1/−1 or 1/0, a header line allowed:",
    csv_imported: "{n} points imported from the file as training points (Undo brings the old ones back).",
    csv_unreadable: "That file could not be read as text (or is larger than 4 MB); the points are as they were.",
    margin_heading: "Loss over the margin",
    margin_description: "The squared, hinge and logistic losses over the margin m = y·h(x), the chosen loss's slope, and the training points' margins on the chosen loss.",
    margin_squared: "squared (1 − m)²",
    margin_hinge: "hinge max{1 − m, 0}",
    margin_logistic: "logistic log(1 + e^(−m))",
    margin_slope: "slope ∂loss/∂m of the chosen loss",
    margin_points_positive: "training points of class +1",
    margin_points_negative: "training points of class −1",
    margin_loss_symbol: "loss",
    margin_hint: "A point right of 0 is on its class's side of the boundary. The chosen loss is solid. Training pushes the points to the right; the hinge stops pushing at m = 1, the squared loss pulls points beyond m = 1 back.",
    plane_description: "The plane from −6 to 6 on both axes, coloured by the network's score, with the points on top.",
    plane_keys: "With the keyboard: arrow keys move a cursor (Shift: bigger steps), Enter or Space paints there with the chosen tool (1, 2, E).",
    diverged: "Training diverged at epoch {epoch}: the loss became NaN or ∞ with learning rate \
        {rate}. The steps were too large. Training is paused and the last good weights are \
        back — try a smaller learning rate.",
    sign_cannot_train: "sign cannot be trained: its derivative is 0 wherever it exists, so \
        gradient descent receives no signal through it. Pick σ, tanh or ReLU to train; sign is \
        fine for evaluating hand-set weights.",
    no_points: "There are no training points. Paint some or pick a data set.",
    empty_phi: "φ(x) needs at least one feature; that one stays.",
    one_added: "The linear model W·φ(x) has no separate bias, so the constant 1 was added to φ.",
    dismiss: "Dismiss",
    hyp_title: "§1 Hypothesis classes, in one dimension",
    hyp_intro: "A hypothesis class H_φ = { x ↦ W·φ(x) } is every model that shares one φ; its best member for the data is found by least squares. A longer φ makes a bigger class: H1 ⊂ H2, so the best of H2 is never worse on the data.",
    hyp_parabola: "x → y: φ(x) = [x] or [x, x²]",
    hyp_parabola_note: "The straight line through the origin cannot bend; adding x² to φ lets the best member follow the curve.",
    hyp_new_data: "New data",
    hyp_temperature: "Health from body temperature T",
    hyp_temperature_note: "[1, T] can only say “the hotter, the better” (or worse). [1, (T − 37)²] builds in what a doctor knows. [1, T, T²] is the general recipe and learns it from the data: its parabola peaks at T = {peak} °C.",
    hyp_data: "data",
    hyp_class: "Class",
    hyp_weights: "Best W",
    hyp_error: "Mean squared error",
    link_partly_read: "Part of this link could not be used as written ({keys}): each was left as it was or moved into its range; everything else was restored.",
    saved_partly_read: "Part of the state this browser remembered could not be used ({keys}); the rest was restored and the old copy set aside.",
    link_without_points: "Too many points for a link: it keeps the settings only (your points stay here).",
    link_without_weights: "The weights you set by hand do not fit in a link: it replays the training instead (your weights stay here).",
    replaying: "Replaying the shared run: epoch {epoch} of {target}…",
    replay_time_left: " About {} left — Pause stops it.",
    duration_units: ["s", "min", "h"],
    epoch_part: "+ {} of the next",
    copy_link: "Copy link",
    link_copied: "Link copied",
    probe_heading: "At the pointer",
    probe_hint: "Point at the plane to see φ(x), every unit's value and the score there.",
    probe_point: "x = (x1, x2)",
    probe_score: "score s",
    probe_class: "class",
    probe_layer: "layer {n}",
};
