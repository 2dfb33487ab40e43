"""Tests of the engines in newsgraph.runners (a package so its conftest does not shadow tests/conftest.py)."""
