foo bar baz
