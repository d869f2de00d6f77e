"""Views: typed results turned into text, HTML, CSV and chart specs a reader sees."""
