import { mount } from 'svelte';
import App from './app/App.svelte';
import { markStartup } from './app/startup';
import { home } from './home/home.svelte';
import { applyTheme, resolveTheme, systemPrefersDark } from './app/theme';
import './app/theme.css';

// Follow the system until the saved setting arrives, so the first paint is already right.
applyTheme(resolveTheme('system', systemPrefersDark()));

markStartup('script running');
// Home's data is on its way while the shell asks for the journal facts and settings.
home.preload();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

const app = mount(App, { target });
markStartup('shell mounted');

export default app;
