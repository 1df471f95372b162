// SPDX-License-Identifier: GPL-2.0
/* ivshmem-demo cell of the MediaTek Genio 720 EVK: see genio-ivshmem-demo.h */
#include "genio-mt8391.h"
#include "genio-ivshmem-demo.h"
