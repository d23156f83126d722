"""Benchmarks: a command of their own (`deploy/bench`), never part of the test suite.

Each figure is printed beside a baseline measured in the same run on the same broker and database.
"""
