import { defineBackground } from 'wxt/utils/define-background';

// Listeners are registered synchronously here as features land; the service worker may restart at any time.
export default defineBackground(() => {});
