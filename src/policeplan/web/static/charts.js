// Interactive charts: each <div data-vega-spec="…"> holds the chart's Vega-Lite definition
// (JSON) and, inside, the chart as SVG drawn by the server. When the Vega scripts have
// loaded, the SVG is replaced by the same chart drawn in the browser, with tooltips.
// Without JavaScript the SVG stays. No inline script and no eval: Vega's expression
// interpreter runs the spec's expressions under the Content-Security-Policy.
(function () {
  "use strict";
  function draw(element) {
    var spec;
    try {
      spec = JSON.parse(element.getAttribute("data-vega-spec"));
    } catch (error) {
      return;
    }
    var fallback = element.innerHTML;
    var target = document.createElement("div");
    target.className = "chart-live";
    var options = {
      renderer: "svg",
      actions: false,
      ast: true, // vega-embed then evaluates expressions with its bundled interpreter
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true },
    };
    element.innerHTML = "";
    element.appendChild(target);
    window.vegaEmbed(target, spec, options).then(function () {
      element.setAttribute("data-vega-drawn", "true");
      var svg = target.querySelector("svg");
      if (svg) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", element.getAttribute("aria-label") || "");
      }
    }).catch(function () {
      element.innerHTML = fallback; // keep the server's SVG
    });
  }
  function start() {
    if (!window.vegaEmbed) {
      return; // the server's SVG charts stay
    }
    var charts = document.querySelectorAll("[data-vega-spec]");
    for (var i = 0; i < charts.length; i += 1) {
      draw(charts[i]);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
