//! A small line chart drawn with plotters on a canvas. The component owns the canvas;
//! it redraws whenever its props change.

use std::rc::Rc;

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

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
    /// The horizontal range.
    pub x_range: (f64, f64),
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
    {
        let canvas = canvas.clone();
        use_effect_with(props.clone(), move |props| {
            if let Some(element) = canvas.cast::<HtmlCanvasElement>()
                && let Err(message) = draw(element, props)
            {
                web_sys::console::warn_1(&format!("chart not drawn: {message}").into());
            }
        });
    }
    html! {
        <canvas ref={canvas} class="line-chart" width={props.width.to_string()}
                height={props.height.to_string()} role="img"
                aria-label={props.description.clone()} />
    }
}

fn draw(canvas: HtmlCanvasElement, props: &LineChartProps) -> Result<(), String> {
    let backend =
        CanvasBackend::with_canvas_object(canvas.unchecked_into()).ok_or("no 2-D context")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let (x0, x1) = props.x_range;
    let (y0, y1) = props.y_range;
    let mut chart = ChartBuilder::on(&root)
        .margin(8)
        .x_label_area_size(26)
        .y_label_area_size(34)
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .x_labels(5)
        .y_labels(5)
        .light_line_style(RGBColor(236, 238, 242))
        .label_style(("sans-serif", 13))
        .draw()
        .map_err(|e| e.to_string())?;
    for series in props.series.iter() {
        let (r, g, b) = series.color;
        let style = RGBColor(r, g, b).stroke_width(if series.dashed { 2 } else { 3 });
        let points = series.points.iter().copied();
        let drawn = if series.dashed {
            chart.draw_series(DashedLineSeries::new(points, 6, 4, style))
        } else {
            chart.draw_series(LineSeries::new(points, style))
        };
        drawn
            .map_err(|e| e.to_string())?
            .label(series.label)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], style));
    }
    for series in props.scatter.iter() {
        let (r, g, b) = series.color;
        let colour = RGBColor(r, g, b);
        let dots = series
            .points
            .iter()
            .map(|p| Circle::new(*p, 4, colour.filled()));
        chart
            .draw_series(dots)
            .map_err(|e| e.to_string())?
            .label(series.label)
            .legend(move |(x, y)| Circle::new((x + 9, y), 4, colour.filled()));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(200, 204, 212))
        .label_font(("sans-serif", 13))
        .draw()
        .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())
}
