package main

import (
	"fmt"
	"io"
	"net"
	"time"

	"nnscratch/lessons/internal/cli"
)

// Budgets of the flags: at most maxSessionsFlag sessions, maxStepRate steps a
// second each, idle expiry between a second and a day.
const (
	maxSessionsFlag = 1000
	maxStepRate     = 1_000_000
)

// parseFlags turns the command line into a config, checking every value.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	fs := cli.NewFlagSet("playground", "Serves a page that trains small networks live and shows every step's numbers.", stderr)
	fs.StringVar(&cfg.addr, "addr", cfg.addr, "`host:port` to listen on (a host beyond loopback lets other machines in)")
	cli.IntVar(fs, &cfg.server.MaxSessions, "sessions", 1, maxSessionsFlag, "training sessions (browser tabs) at once")
	cli.IntVar(fs, &cfg.server.StepsPerSec, "rate", 1, maxStepRate, "optimiser steps a second one session may run")
	fs.DurationVar(&cfg.server.Idle, "idle", cfg.server.Idle, "drop a session after this long without a request (1s … 24h)")
	if err := cli.Parse(fs, args); err != nil {
		return cfg, err
	}
	if cfg.server.Idle < time.Second || cfg.server.Idle > 24*time.Hour {
		return cfg, fmt.Errorf("-idle must be in 1s … 24h, got %v", cfg.server.Idle)
	}
	if _, _, err := net.SplitHostPort(cfg.addr); err != nil {
		return cfg, fmt.Errorf("-addr must be host:port, such as 127.0.0.1:8080, got %q", cfg.addr)
	}
	return cfg, nil
}
