// SPDX-License-Identifier: GPL-2.0
/* zephyr cell of the MediaTek Genio 700 EVK: see genio-mt8188-zephyr.h */
#include "genio-mt8188-zephyr.h"
