"""The matching engine: plain Python, no models, no database.

The site (``matching.matchmaking``), the evaluation harness (``manage.py match_eval``) and the
benchmark (``bench/match/run.py``) all rank with this package, so what is measured is what runs.

* ``text``       – Chinese segmentation, stopwords, domain dictionary and concept tags;
* ``documents``  – ``MatchDoc``, one listing as the engine sees it, and its builders;
* ``index``      – ``MatchIndex``, an inverted index with candidate generation;
* ``scoring``    – the score components, their weights, explanations and ``rank``;
* ``metrics``    – nDCG@k, precision@k, recall@k;
* ``evaluation`` – the harness over JSONL files, with a text-only baseline.
"""
