//! A small line chart drawn with plotters on a canvas. The component owns the canvas;
//! it redraws whenever its props change, and when presenter mode is switched: then it
//! draws with half as many pixels again (shown larger by the stylesheet), thicker lines
//! and larger labels.

use std::rc::Rc;

use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::panel::use_presenter;

/// The axes' tick labels, in CSS pixels of the props' size (the canvas writes its size in
/// its own pixels as `data-label-px`, so a test can tell how large they are drawn).
const LABEL_PX: f64 = 14.0;

/// Sizes of one drawing: the canvas's pixels per CSS pixel of the props, and how much
/// thicker lines are.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Look {
    scale: f64,
    stroke: f64,
    text: f64,
}

/// The widest a chart is shown outside presenter mode (`.line-chart` in the stylesheet): a
/// chart drawn wider is shrunk to it, so its labels are drawn larger by as much.
const SHOWN_WIDTH: f64 = 320.0;

impl Look {
    fn of(presenter: bool, width: u32) -> Look {
        let shrunk = (f64::from(width) / SHOWN_WIDTH).max(1.0);
        if presenter {
            Look {
                scale: 1.5,
                stroke: 2.0,
                text: 1.25 * shrunk,
            }
        } else {
            Look {
                scale: 1.0,
                stroke: 1.0,
                text: shrunk,
            }
        }
    }

    /// A length in canvas pixels.
    fn px(self, css: f64) -> u32 {
        (css * self.scale).round() as u32
    }

    /// A font size, or room for labels, in canvas pixels.
    fn text(self, css: f64) -> u32 {
        self.px(css * self.text)
    }

    /// The radius of a dot in canvas pixels.
    fn dot(self) -> u32 {
        self.px(4.0 * self.stroke.sqrt())
    }

    /// A line width in canvas pixels.
    fn line(self, css: f64) -> u32 {
        (css * self.scale * self.stroke).round() as u32
    }
}

/// One curve of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Legend text.
    pub label: &'static str,
    /// Colour as RGB.
    pub color: (u8, u8, u8),
    /// Whether to draw it dashed (as a secondary curve).
    pub dashed: bool,
    /// The points, in data coordinates.
    pub points: Vec<(f64, f64)>,
}

/// Props of [`LineChart`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct LineChartProps {
    /// The curves.
    pub series: Rc<Vec<Series>>,
    /// Data drawn as dots, not joined (e.g. the points a curve was fitted to).
    #[prop_or_default]
    pub scatter: Rc<Vec<Series>>,
    /// The horizontal range (both ends positive when [`log_x`](Self::log_x)).
    pub x_range: (f64, f64),
    /// Draw the horizontal axis on a log scale (1, 10, 100 equally spaced), so the first
    /// steps of a long run are as readable as the last; points at `x ≤ 0` are left out.
    #[prop_or_default]
    pub log_x: bool,
    /// The vertical range.
    pub y_range: (f64, f64),
    /// Canvas width in CSS pixels.
    #[prop_or(320)]
    pub width: u32,
    /// Canvas height in CSS pixels.
    #[prop_or(220)]
    pub height: u32,
    /// Text for screen readers describing the chart.
    pub description: AttrValue,
}

/// A line chart.
#[component]
pub fn LineChart(props: &LineChartProps) -> Html {
    let canvas = use_node_ref();
    let look = Look::of(use_presenter(), props.width);
    {
        let canvas = canvas.clone();
        use_effect_with((props.clone(), look.scale), move |(props, _)| {
            if let Some(element) = canvas.cast::<HtmlCanvasElement>()
                && let Err(message) = draw(element, props, look)
            {
                web_sys::console::warn_1(&format!("chart not drawn: {message}").into());
            }
        });
    }
    // The legend is written under the picture, never over its data.
    let legend = props
        .series
        .iter()
        .map(|s| (s, true))
        .chain(props.scatter.iter().map(|s| (s, false)));
    let legend = legend.map(|(series, line)| {
        let (r, g, b) = series.color;
        let swatch = if line && series.dashed {
            format!("border-top:3px dashed rgb({r},{g},{b})")
        } else if line {
            format!("border-top:3px solid rgb({r},{g},{b})")
        } else {
            format!("background:rgb({r},{g},{b});border-radius:50%;height:8px;width:8px")
        };
        html! {
            <li><span class="chart-swatch" style={swatch}></span>{ series.label }</li>
        }
    });
    html! {
        <figure class="line-chart-figure">
            <canvas ref={canvas} class="line-chart" width={look.px(props.width.into()).to_string()}
                    height={look.px(props.height.into()).to_string()} role="img"
                    data-label-px={look.text(LABEL_PX).to_string()}
                    aria-label={props.description.clone()} />
            <ul class="chart-legend">{ for legend }</ul>
        </figure>
    }
}

fn draw(canvas: HtmlCanvasElement, props: &LineChartProps, look: Look) -> Result<(), String> {
    let backend =
        CanvasBackend::with_canvas_object(canvas.unchecked_into()).ok_or("no 2-D context")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let (x0, x1) = props.x_range;
    if props.log_x {
        let (x0, x1) = (x0.max(f64::MIN_POSITIVE), x1.max(x0 * 10.0));
        plot(&root, (x0..x1).log_scale(), props, look)?;
    } else {
        plot(&root, x0..x1, props, look)?;
    }
    root.present().map_err(|e| e.to_string())
}

/// The mesh, the curves and the dots on `root`, with `x` as the horizontal coordinate.
fn plot<X>(
    root: &DrawingArea<CanvasBackend, plotters::coord::Shift>,
    x: X,
    props: &LineChartProps,
    look: Look,
) -> Result<(), String>
where
    X: AsRangedCoord<Value = f64>,
    X::CoordDescType: ValueFormatter<f64>,
{
    let (y0, y1) = props.y_range;
    let shown = |p: &(f64, f64)| p.0.is_finite() && p.1.is_finite() && (!props.log_x || p.0 > 0.0);
    let mut chart = ChartBuilder::on(root)
        .margin(look.px(8.0))
        // Room for half of the last tick label, which plotters centres on the edge.
        .margin_right(look.text(16.0))
        .x_label_area_size(look.text(26.0))
        .y_label_area_size(look.text(34.0))
        .build_cartesian_2d(x, y0..y1)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .x_labels(5)
        .y_labels(5)
        .light_line_style(RGBColor(236, 238, 242))
        .label_style(("sans-serif", look.text(LABEL_PX)))
        .draw()
        .map_err(|e| e.to_string())?;
    for series in props.series.iter() {
        let (r, g, b) = series.color;
        let style =
            RGBColor(r, g, b).stroke_width(look.line(if series.dashed { 2.0 } else { 3.0 }));
        // A value that does not exist (no test points yet) is left out, not drawn as 0.
        let points = series.points.iter().copied().filter(shown);
        let drawn = if series.dashed {
            chart.draw_series(DashedLineSeries::new(
                points,
                look.px(6.0),
                look.px(4.0),
                style,
            ))
        } else {
            chart.draw_series(LineSeries::new(points, style))
        };
        drawn.map_err(|e| e.to_string())?;
    }
    for series in props.scatter.iter() {
        let (r, g, b) = series.color;
        let colour = RGBColor(r, g, b);
        let radius = look.dot();
        let dots = series
            .points
            .iter()
            .filter(|p| shown(p))
            .map(move |p| Circle::new(*p, radius, colour.filled()));
        chart.draw_series(dots).map_err(|e| e.to_string())?;
    }
    Ok(())
}
