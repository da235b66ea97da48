import { render } from 'preact';
import { GrantWikipedia } from '../../components/GrantWikipedia';
import '../popup/popup.css';

render(<GrantWikipedia />, document.getElementById('app')!);
