// SPDX-License-Identifier: GPL-2.0
/* ivshmem-demo cell of the MediaTek Genio 510 EVK: see genio-ivshmem-demo.h */
#include "genio-mt8188.h"
#include "genio-ivshmem-demo.h"
