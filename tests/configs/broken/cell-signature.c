// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: a cell whose signature says system.
 *
 * check: qemu-arm64 @
 * expect: signature: JHSYS: not a cell configuration (expected "JHCLL"); did you pass a system configuration as a cell?
 * mutate: poke 0 JHSYS
 */
#include "cell.h"
