"""Views of typed results: text, charts (Vega-Lite) and the Making Data Count icons."""
