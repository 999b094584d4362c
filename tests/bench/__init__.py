"""The benchmark harness of ``make bench`` (``python -m tests.bench --help``).

Modules: ``rows`` builds the synthetic data set, ``dataset`` creates and fills the
bench database, ``server`` runs gunicorn, ``load`` generates load (wrk or a
Python client), ``pages`` lists the measured pages, ``report`` prints the table.
"""
