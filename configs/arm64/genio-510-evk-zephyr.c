// SPDX-License-Identifier: GPL-2.0
/* zephyr cell of the MediaTek Genio 510 EVK: see genio-zephyr.h */
#include "genio-mt8188.h"
#include "genio-zephyr.h"
