package kernel

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
)

// TestBlockedConcurrent runs split products from several goroutines at
// once, so that tasks left over from one hand-off meet the gemm values the
// free list has handed to the next, and checks every result against the
// reference loop bit for bit (run it with -race too).
func TestBlockedConcurrent(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	type product struct {
		a, b, want []float64
		r, n, m    int
	}
	var ps []product
	for _, sh := range [][3]int{{40, 30, 20}, {64, 17, 9}, {33, 50, 41}} {
		r, n, m := sh[0], sh[1], sh[2]
		a, b := random(rng, r, n, 0.5), random(rng, n, m, 0)
		ps = append(ps, product{a, b, naive(a, b, r, n, m), r, n, m})
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for gr := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 40 {
				pr := ps[(gr+i)%len(ps)]
				got := nans(pr.r * pr.m)
				Blocked(Mul, got, pr.a, pr.b, pr.r, pr.n, pr.m, 2+i%3, i%2 == 0)
				if j := firstDiff(got, pr.want); j >= 0 {
					errs <- fmt.Errorf("goroutine %d, run %d, %dx%d·%dx%d: element %d is %v, want %v",
						gr, i, pr.r, pr.n, pr.n, pr.m, j, got[j], pr.want[j])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestTask checks that a Task's function runs exactly once per Start,
// whether a worker takes it or Wait runs it itself, and that Wait sees
// what it wrote (run it with -race too).
func TestTask(t *testing.T) {
	var task Task
	runs, value := 0, 0
	f := func() { runs++; value = runs * 7 }
	for i := range 2000 {
		task.Start(f)
		if i%3 == 0 { // give a worker time to take it
			for range 1000 * (i % 5) {
				_ = Procs()
			}
		}
		task.Wait()
		if runs != i+1 || value != runs*7 {
			t.Fatalf("after Start and Wait %d: ran %d times, value %d, want %d and %d", i+1, runs, value, i+1, 7*(i+1))
		}
	}
	task.Wait() // without a Start: nothing to run
	if runs != 2000 {
		t.Errorf("Wait without Start ran the function: %d runs, want 2000", runs)
	}
}
