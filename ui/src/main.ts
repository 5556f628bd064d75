import { mount } from 'svelte';
import App from './app/App.svelte';
import { applyTheme, resolveTheme, systemPrefersDark } from './app/theme';
import './app/theme.css';

// Follow the system until the saved setting arrives, so the first paint is already right.
applyTheme(resolveTheme('system', systemPrefersDark()));

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });
