// SPDX-License-Identifier: GPL-2.0
/*
 * Pages for tests that do not look at the page pool: zeroed host pages,
 * counted, so that a test can see that every one came back.
 */
#include <stdlib.h>
#include <string.h>
#include <jailhouse/hypervisor.h>

unsigned int fake_pages_out;

void *page_alloc(void)
{
	void *page = aligned_alloc(PAGE_SIZE, PAGE_SIZE);

	if (page) {
		memset(page, 0, PAGE_SIZE);
		fake_pages_out++;
	}
	return page;
}

void page_free(void *page)
{
	if (page)
		fake_pages_out--;
	free(page);
}
