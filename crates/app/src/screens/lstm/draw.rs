//! Canvas drawing: the unit × time heatmaps (one pixel per cell, scaled up by CSS), the
//! loss curve and the C_t / h_t lines (plotters).

use nnp_core::curve::Curve;
use nnp_core::recurrent::QuantityName as Q;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use web_sys::HtmlCanvasElement;

use super::model::Model;
use crate::i18n::fill;
use crate::i18n::lstm::LstmTexts;
use crate::widgets::canvas;
use crate::widgets::colours::{BLUE_ORANGE, UNIT_INTERVAL};

/// Colours of the chosen units' lines, in order.
pub const UNIT_COLOURS: [(u8, u8, u8); 6] = [
    (31, 94, 196),
    (214, 96, 0),
    (27, 120, 55),
    (118, 42, 131),
    (179, 38, 30),
    (0, 128, 128),
];

/// Whether `q` lies in [0, 1] (gates, probabilities, one-hot inputs).
pub fn is_unit_interval(q: Q) -> bool {
    matches!(
        q,
        Q::Forget
            | Q::InputGate
            | Q::OutputGate
            | Q::Update
            | Q::Reset
            | Q::Probabilities
            | Q::Input
    )
}

/// Gates and probabilities on the site's `[0, 1]` ramp (white → purple); states on its
/// signed one (orange negative, white 0, blue positive), scaled so `±scale` is full colour.
pub fn colour(v: f32, unit_interval: bool, scale: f32) -> [u8; 3] {
    if !v.is_finite() {
        return [128, 128, 128];
    }
    if unit_interval {
        UNIT_INTERVAL.colour(v)
    } else {
        BLUE_ORANGE.colour((v / scale.max(1e-6)).clamp(-1.0, 1.0), 1.0)
    }
}

/// Reuses one pixel buffer across frames.
#[derive(Debug, Default)]
pub struct Painter {
    buffer: Vec<u8>,
}

impl Painter {
    /// Paints quantity `q` of the model's trace: x = time step, y = unit.
    pub fn band(&mut self, canvas: &HtmlCanvasElement, m: &Model, q: Q) {
        let Some(quantity) = m.trace.get(q) else {
            return;
        };
        let (w, h) = (quantity.steps(), quantity.units);
        if w == 0 || h == 0 {
            return;
        }
        canvas::fit(canvas, w, h);
        let scale = m.scale(q);
        let unit_interval = is_unit_interval(q);
        self.buffer.clear();
        self.buffer.resize(w * h * 4, 255);
        for t in 0..w {
            for (u, v) in quantity.at(t).iter().enumerate() {
                let [r, g, b] = colour(*v, unit_interval, scale);
                let k = (u * w + t) * 4;
                self.buffer[k..k + 3].copy_from_slice(&[r, g, b]);
            }
        }
        canvas::blit(canvas, &self.buffer, w, h, (0, 0));
    }
}

fn chart_error<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

/// Line width and label size of the charts: thicker and larger in presenter mode, for the
/// back of a lecture hall.
#[derive(Debug, Clone, Copy)]
pub struct Strokes {
    line: u32,
    label: u32,
    legend: u32,
}

impl Strokes {
    /// The strokes for presenter mode or not.
    pub fn of(presenter: bool) -> Self {
        if presenter {
            Self {
                line: 4,
                label: 17,
                legend: 15,
            }
        } else {
            Self {
                line: 2,
                label: 13,
                legend: 12,
            }
        }
    }
}

/// The loss of every update so far (the core's thinned curve).
pub fn loss_chart(
    canvas: HtmlCanvasElement,
    curve: &Curve,
    t: &LstmTexts,
    strokes: Strokes,
) -> Result<(), String> {
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or("no 2-D context")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(chart_error)?;
    let n = curve.steps().max(10);
    let points: Vec<(f64, f64)> = curve.points().map(|(s, l)| (s as f64, l)).collect();
    let top = points.iter().fold(0.1_f64, |m, p| m.max(p.1)) * 1.05;
    let mut chart = ChartBuilder::on(&root)
        .margin(10)
        .margin_right(22)
        .x_label_area_size(if strokes.label > 13 { 42 } else { 34 })
        .y_label_area_size(if strokes.label > 13 { 70 } else { 56 })
        .build_cartesian_2d(0.0..n as f64, 0.0..top)
        .map_err(chart_error)?;
    chart
        .configure_mesh()
        .x_labels(5)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_labels(5)
        .x_desc(t.loss_axis_x)
        .y_desc(t.loss_axis_y)
        .light_line_style(RGBColor(236, 238, 242))
        .label_style(("sans-serif", strokes.label))
        .draw()
        .map_err(chart_error)?;
    chart
        .draw_series(LineSeries::new(
            points,
            RGBColor(31, 94, 196).stroke_width(strokes.line),
        ))
        .map_err(chart_error)?;
    root.present().map_err(chart_error)
}

/// C_t (solid) and h_t (dashed) over time for the chosen units, with a marker at step t.
pub fn lines_chart(
    canvas: HtmlCanvasElement,
    m: &Model,
    t: &LstmTexts,
    strokes: Strokes,
) -> Result<(), String> {
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or("no 2-D context")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(chart_error)?;
    let steps = m.steps().max(2);
    let cell = m.trace.get(Q::Cell);
    let hidden = m.trace.get(Q::Hidden).ok_or("no hidden state")?;
    let mut top = 1.0_f32;
    for &u in &m.chart_units {
        for s in 0..m.steps() {
            top = top.max(hidden.value(s, u).abs());
            if let Some(c) = cell {
                top = top.max(c.value(s, u).abs());
            }
        }
    }
    let top = f64::from(top) * 1.05;
    let mut chart = ChartBuilder::on(&root)
        .margin(10)
        .margin_right(22)
        .x_label_area_size(if strokes.label > 13 { 42 } else { 34 })
        .y_label_area_size(if strokes.label > 13 { 70 } else { 56 })
        .build_cartesian_2d(1.0..steps as f64, -top..top)
        .map_err(chart_error)?;
    chart
        .configure_mesh()
        .x_labels(6)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_labels(5)
        .x_desc(t.lines_axis_x)
        .light_line_style(RGBColor(236, 238, 242))
        .label_style(("sans-serif", strokes.label))
        .draw()
        .map_err(chart_error)?;
    let x = (m.t + 1) as f64;
    chart
        .draw_series(LineSeries::new(
            [(x, -top), (x, top)],
            RGBColor(200, 204, 212).stroke_width(strokes.line),
        ))
        .map_err(chart_error)?;
    for (k, &u) in m.chart_units.iter().enumerate() {
        let (r, g, b) = UNIT_COLOURS[k % UNIT_COLOURS.len()];
        let style = RGBColor(r, g, b).stroke_width(strokes.line);
        let along = |q: &nnp_core::recurrent::Quantity<f32>| -> Vec<(f64, f64)> {
            (0..m.steps())
                .map(|s| ((s + 1) as f64, f64::from(q.value(s, u))))
                .collect()
        };
        if let Some(c) = cell {
            chart
                .draw_series(LineSeries::new(along(c), style))
                .map_err(chart_error)?
                .label(fill(t.line_cell, &[&(u + 1).to_string()]))
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], style));
        }
        chart
            .draw_series(DashedLineSeries::new(along(hidden), 5, 4, style))
            .map_err(chart_error)?
            .label(fill(t.line_hidden, &[&(u + 1).to_string()]))
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 6, y), (x + 10, y)], style));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(200, 204, 212))
        .label_font(("sans-serif", strokes.legend))
        .draw()
        .map_err(chart_error)?;
    root.present().map_err(chart_error)
}
