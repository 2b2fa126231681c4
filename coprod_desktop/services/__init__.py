"""Operations shared by the GUI and the CLI. Each opens a short session and returns plain data."""
