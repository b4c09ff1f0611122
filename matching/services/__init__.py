"""State changes of matchmaking: ``listings`` (posting, review, withdrawal, expiry) and ``intents``."""
