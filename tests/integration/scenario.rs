//! Scenario files: fixtures load, bad files give precise messages.
