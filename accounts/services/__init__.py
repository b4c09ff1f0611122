"""State changes of accounts, one module per concern (registration, certification, membership, account)."""
