// CSluiceSHA reaches the x86 SHA extensions, which Swift cannot name. Basics keeps a
// portable Swift SHA-256 beside this and picks one at run time.
//
// What this target must not know: anything but the compression function and the CPU
// check. Padding, buffering, files and the portable path are Basics', its only user.
#ifndef CSLUICESHA_H
#define CSLUICESHA_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA, SSSE3 and SSE4.1 instructions, else 0.
int sluice_sha256_hw_available(void);

/// Runs the SHA-256 compression over `blocks` 64-byte blocks of `data`, updating
/// `state` (a, b, …, h). Call only when sluice_sha256_hw_available() returned 1.
void sluice_sha256_hw_compress(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
