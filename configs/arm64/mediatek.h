/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the MediaTek Genio configurations share: the SiP calls the root
 * cell's Linux makes, and a helper for vendor (pin) entries.
 */
#ifndef _MEDIATEK_H
#define _MEDIATEK_H

/* MediaTek SiP calls that the root cell's Linux drivers make */
#define MTK_SIP_ROOT_SMC_IDS						\
	0xc2000202,	/* time sync */					\
	0xc2000205,	/* DFD */					\
	0xc2000273,	/* MSDC */					\
	0xc2000506,	/* VCORE */					\
	0xc2000507,	/* LPM */					\
	0xc2000514,	/* IOMMU */					\
	0xc2000517,	/* audio */					\
	0xc200051c,	/* display */					\
	0xc200051e,	/* APU */					\
	0xc2000523,	/* DisplayPort */				\
	0xc2000526,	/* GIC operations */				\
	0xc2000529	/* platform info */

#define MTK_SIP_ROOT_NUM_SMC_IDS	12

/* Vendor entry: pins @first..@last within the 128-pin window at @pbase */
#define MTK_PIN_WORD(pbase, w, first, last)				\
	((first) > (pbase) + 32 * (w) + 31 ||				\
	 (last) < (pbase) + 32 * (w) ? 0 :				\
	 (0xffffffffu >>						\
	  (31 - ((last) > (pbase) + 32 * (w) + 31 ? 31 :		\
		 (last) - (pbase) - 32 * (w)))) &			\
	 (0xffffffffu <<						\
	  ((first) < (pbase) + 32 * (w) ? 0 :				\
	   (first) - (pbase) - 32 * (w))))

#define MTK_PINS(kind, block, pbase, first, last) {			\
		.type = kind,						\
		.address = block,					\
		.base = pbase,						\
		.bitmap = {						\
			MTK_PIN_WORD(pbase, 0, first, last),		\
			MTK_PIN_WORD(pbase, 1, first, last),		\
			MTK_PIN_WORD(pbase, 2, first, last),		\
			MTK_PIN_WORD(pbase, 3, first, last),		\
		},							\
	}

#endif /* !_MEDIATEK_H */
