/*
 * The documentation pages' header (a theme script of src/plugins/docs.ts): the same bar as the
 * token page, linking back to it and to the other API version's page, and Swagger UI inside a
 * <main> landmark. It runs before the page's load event, when Swagger UI mounts on #swagger-ui.
 */
/* global document, location, MutationObserver */

const header = document.createElement('header');
header.className = 'ccv-bar';
const brand = document.createElement('p');
brand.className = 'ccv-brand';
brand.append('Cisco Cyber Vision Center ');
const tag = document.createElement('span');
tag.className = 'ccv-tag';
tag.textContent = 'emulator';
brand.append(tag);

const nav = document.createElement('nav');
nav.setAttribute('aria-label', 'Main');
const list = document.createElement('ul');
for (const [href, text] of [
  ['/', 'API Token'],
  ['/api/1.0/documentation', 'API Documentation 1.0'],
  ['/api/3.0/documentation', 'API Documentation 3.0'],
]) {
  const current = href !== '/' && location.pathname.startsWith(href);
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = href;
  link.textContent = text;
  if (current) link.setAttribute('aria-current', 'page');
  item.append(link);
  list.append(item);
}
nav.append(list);
header.append(brand, nav);

const ui = document.getElementById('swagger-ui');
const main = document.createElement('main');
ui.before(main);
main.append(ui);
document.body.prepend(header);

/*
 * Authorize: Swagger UI gives the field of every scheme `autofocus`, so its dialog opened on the
 * last one (the admin key), scrolled past the token schemes. Once it opens, focus goes to the
 * first scheme, the token (guide 6.1), and the dialog shows its top.
 */
let authorizing = false;
new MutationObserver(() => {
  const dialog = ui.querySelector('.dialog-ux');
  if (dialog && !authorizing) {
    dialog.querySelector('.auth-container input')?.focus();
    const content = dialog.querySelector('.modal-ux-content');
    if (content) content.scrollTop = 0;
  }
  authorizing = dialog !== null;
}).observe(ui, { childList: true, subtree: true });
