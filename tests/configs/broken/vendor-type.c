// SPDX-License-Identifier: GPL-2.0
/*
 * Broken on purpose: an unknown vendor entry type.
 *
 * check: genio-700-evk @
 * expect: vendors[0].type: 7: unknown vendor entry
 */
#define NUM_VENDORS 1
#define VENDORS { .type = 7, .address = MT8188_GPIO, .bitmap = { 1 } }
#include "genio-cell.h"
