"""Drives PyPI's `exactonline` 0.4.0, unchanged, against the sandbox's Exact Online emulator.

Usage: python3 exactonline_client.py EXACT_BASE_URL SANDBOX_BASE_URL CLIENT_ID CLIENT_SECRET REDIRECT_URI
Only the library's URLs (its storage's [server] section) and its http-allowed protocols are pointed at the
sandbox, as its own api_test.py does. Prints one JSON object with what it read; exits non-zero on any failure.
"""
import json
import sys
import time
import urllib.parse
import urllib.request

import exactonline.http as eh
from exactonline.api import ExactApi
from exactonline.http import HTTPError
from exactonline.resource import GET
from exactonline.storage.base import ExactOnlineConfig, MissingSetting


class MemoryStorage(ExactOnlineConfig):
    """The library's documented way to keep settings: get() raising MissingSetting, and set()."""

    def __init__(self, values):
        self.values = values

    def get(self, section, option):
        try:
            return self.values[(section, option)]
        except KeyError:
            raise MissingSetting(section, option)

    def set(self, section, option, value):
        self.values[(section, option)] = value


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main():
    exact, sandbox, client_id, client_secret, redirect_uri = sys.argv[1:6]
    eh.opt_secure.protocols = ('http', 'https')
    storage = MemoryStorage({
        ('server', 'auth_url'): exact + '/api/oauth2/auth',
        ('server', 'rest_url'): exact + '/api',
        ('server', 'token_url'): exact + '/api/oauth2/token',
        ('application', 'base_url'): redirect_uri,
        ('application', 'client_id'): client_id,
        ('application', 'client_secret'): client_secret,
    })
    api = ExactApi(storage=storage)
    report = {}

    # The login: the library builds the authorize URL; the sandbox approves at once and redirects with a code.
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(api.create_auth_request_url())
        raise SystemExit('the authorize endpoint did not redirect')
    except urllib.error.HTTPError as redirect:
        location = redirect.headers['Location']
    query = urllib.parse.parse_qs(urllib.parse.urlparse(location).query)
    api.request_token(query['code'][0])
    first_token = storage.get_access_token()
    report['expires_in_ok'] = storage.get_access_expiry() > time.time() + 500

    # An immediate refresh is refused, as Exact refuses refreshes before 9.5 minutes.
    try:
        api.refresh_token()
        report['early_refresh'] = 'accepted'
    except HTTPError as error:
        report['early_refresh'] = error.code

    divisions, current = api.get_divisions()
    report['divisions'] = {str(code): name for code, name in divisions.items()}
    report['current_division'] = current
    api.set_division(current)

    accounts = api.relations.all()
    report['account_count'] = len(accounts)
    report['first_account'] = accounts[0]
    report['account_1002'] = api.relations.get(relation_code='1002')['Name']
    report['item_groups'] = [(group['Code'], group['Description']) for group in api.restv1(GET('logistics/ItemGroups'))]
    report['vat_codes'] = sorted((vat['Code'], vat['Percentage']) for vat in api.vatcodes.all())
    report['vat_2'] = api.vatcodes.get_percentage(vat_code='2  ')
    report['gl_accounts'] = sorted(account['Code'] for account in api.ledgeraccounts.all())

    # Expire the tokens (a sandbox admin call), then let the library refresh on its own before its next call.
    urllib.request.urlopen(urllib.request.Request(sandbox + '/_sandbox/tokens/expire?system=exact-online', method='POST'))
    storage.set_access_expiry(int(time.time()) - 1)
    old_refresh = storage.get_refresh_token()
    report['after_refresh_divisions'] = len(api.get_divisions()[0])
    report['token_rotated'] = storage.get_access_token() != first_token and storage.get_refresh_token() != old_refresh

    # The old refresh token was rotated away.
    storage.set_refresh_token(old_refresh)
    try:
        api.refresh_token()
        report['old_refresh'] = 'accepted'
    except HTTPError as error:
        report['old_refresh'] = error.code

    print(json.dumps(report))


if __name__ == '__main__':
    main()
