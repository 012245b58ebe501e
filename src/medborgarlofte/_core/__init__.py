"""The words every room shares: problems, severities, languages and stable codes.

Imports nothing else of the library. Every other folder may import it.
"""
