/**
 * The grant "read the podcast's feed" needs: feeds, chapter files and audio live on any host (often behind
 * measurement redirects), so it is every http(s) site, optional, asked only when the listener turns the feature on
 * and released when it is turned off.
 */
export const FEED_ORIGINS = ['*://*/*'];
