"""Benchmarks for policeplan, run with `python -m bench` (or `make bench`) from the repo root.

Not tests: they measure and compare, and print PASS/FAIL against the goals of the issue that
asked for them. See docs/benchmarks.md for what each benchmark does and the last results.
"""
