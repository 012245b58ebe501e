"""Pure computations: reporting intervals, occurrences, progress, follow-up, portfolios.

Imports the model, the rules and the core; never a format, the rendering or
the command line.
"""
