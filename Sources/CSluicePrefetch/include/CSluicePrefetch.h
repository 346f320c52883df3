// CSluicePrefetch reaches the CPU's prefetch instruction, which Swift cannot name. It
// is only a hint: the code that calls it computes the same results without it.
//
// What this target must not know: anything else. One inline function, no state;
// GradientBoosting is its only user.
#ifndef CSLUICEPREFETCH_H
#define CSLUICEPREFETCH_H

/// Asks the CPU to bring the cache line holding `address` into every cache level,
/// for reading, without waiting for it.
static inline __attribute__((always_inline)) void sluice_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
