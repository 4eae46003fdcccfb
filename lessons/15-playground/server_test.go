package main

import "time"

// testConfig returns the server budgets the tests use: small, so that the
// limits are quick to reach.
func testConfig() serverConfig {
	c := defaultServerConfig()
	c.MaxSessions = 4
	c.Idle = time.Minute
	return c
}
