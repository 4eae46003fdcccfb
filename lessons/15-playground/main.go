package main

// main is a placeholder until pg-web's main.go arrives (it starts the server).
func main() {}
