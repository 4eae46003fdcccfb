package cli

import (
	"runtime"
	"sync"
)

// Parallel calls f(0), …, f(n−1) on all cores (GOMAXPROCS goroutines, at
// most n) and returns once every call has returned. It is for a lesson's
// sweep of runs that are independent of each other: when each f(i) writes
// only its own result, the results are what the serial loop
//
//	for i := range n { f(i) }
//
// gives, bit for bit.
func Parallel(n int, f func(i int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				f(i)
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}
