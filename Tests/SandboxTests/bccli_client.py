"""Drives PyPI's `bc-cli` 0.8.2 (import `bcli`), unchanged, against the sandbox's Business Central emulator.

Usage: python3 bccli_client.py BUSINESS_CENTRAL_BASE_URL TENANT_ID CLIENT_ID CLIENT_SECRET
Only the library's module-level base URLs and its https-only origin check are pointed at the sandbox, as
accounting-apis.md §2.6 describes (the ETL extra, which needs dlt, is not used); HOME is a temporary directory, so its token cache starts empty.
Prints one JSON object with what it read; exits non-zero on any failure.

bcli's ClientCredentialsAuth returns a cached token before it uses MSAL, and MSAL accepts only https
authorities, so the client-credentials request itself is made here, exactly as MSAL's
acquire_token_for_client sends it, and its answer is stored through bcli's own TokenCache.put.
"""
import asyncio
import json
import atexit
import os
import shutil
import sys
import tempfile

# bcli reads Path.home() when it is imported; keep its config and token cache out of the real home.
os.environ['HOME'] = tempfile.mkdtemp(prefix='bccli-home-')
atexit.register(shutil.rmtree, os.environ['HOME'], True)

import httpx

import bcli._url
import bcli.auth._credentials
import bcli.client._transport
from bcli import AsyncBCClient
from bcli.auth._token_cache import TokenCache
from bcli.config._defaults import BC_SCOPE
from bcli.errors import NotFoundError

# httpx's and bcli's 5 s default is too short for a sandbox built with ThreadSanitizer on a busy machine.
TIMEOUT = 60


async def main():
    base, tenant, client_id, client_secret = sys.argv[1:5]
    bcli._url.BC_BASE_URL = base + '/v2.0'
    bcli.auth._credentials.ENTRA_AUTHORITY_BASE = base  # MSAL refuses http:// before sending anything
    bcli.client._transport.assert_bc_origin = lambda url: None
    report = {}

    # Client credentials against the emulated Entra token endpoint, as MSAL posts them.
    response = httpx.post(
        f'{base}/{tenant}/oauth2/v2.0/token',
        data={'client_id': client_id, 'client_secret': client_secret, 'grant_type': 'client_credentials', 'scope': BC_SCOPE},
        headers={'Accept': 'application/json'}, timeout=TIMEOUT)
    response.raise_for_status()
    token = response.json()
    report['token_type'] = token['token_type']
    report['expires_in'] = token['expires_in']
    TokenCache().put(tenant, client_id, token['access_token'], token['expires_in'])

    # Programmatic mode: bcli builds its own ClientCredentialsAuth, which finds the cached token.
    settings = {'tenant_id': tenant, 'client_id': client_id, 'client_secret': client_secret, 'environment': 'Production',
                'timeout': TIMEOUT}
    async with AsyncBCClient(**settings) as client:
        report['auth'] = type(client._ensure_transport()._auth).__name__
        report['connected'] = await client.test_connection()
        companies = await client.list_companies()
        report['companies'] = [company['name'] for company in companies]
    company_id = next(company['id'] for company in companies if company['name'] == 'CRONUS NL')

    async with AsyncBCClient(company_id=company_id, **settings) as client:
        # bcli has no option for Prefer; a default header on its HTTP client makes the emulator page small.
        client._ensure_transport()._client.headers['Prefer'] = 'odata.maxpagesize=50'
        pages = await client.query('customers').select('number', 'displayName').pages()
        page_sizes = []
        numbers = []
        async for page in pages:
            page_sizes.append(len(page))
            numbers += [customer['number'] for customer in page]
        report['customer_pages'] = page_sizes
        report['customer_count'] = len(numbers)
        report['first_customers'] = numbers[:3]
        report['customers_distinct'] = len(set(numbers))

        acme = await client.query('customers').filter("number eq '10000'").select('number', 'displayName').get()
        report['customer_10000'] = [customer['displayName'] for customer in acme]
        report['customers_top_7'] = len(await client.query('customers').top(7).get())

        categories = await client.query('itemCategories').orderby('code').get()
        report['item_categories'] = [category['code'] for category in categories]
        chairs = await client.query('items').filter("itemCategoryCode eq 'CHAIR'").get()
        report['chair_items'] = sorted(item['number'] for item in chairs)
        items = []
        async for page in await client.query('items').pages():
            items += page
        report['item_count'] = len(items)
        report['first_item'] = items[0]['number'] if items else None
        report['item_by_id'] = (await client.get('items', items[0]['id'])).raw['number']

        try:
            await client.get('customers', '00000000-0000-0000-0000-000000000009')
            report['missing_customer'] = 'found'
        except NotFoundError as error:
            report['missing_customer'] = error.status_code
            report['missing_customer_explained'] = bool(error.bc_message) and bool(error.correlation_id)

    print(json.dumps(report))


if __name__ == '__main__':
    asyncio.run(main())
