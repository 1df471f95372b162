// SPDX-License-Identifier: GPL-2.0
/* uart-demo cell of the MediaTek Genio 510 EVK: see genio-uart-demo.h */
#include "genio-mt8188.h"
#include "genio-uart-demo.h"
