import { render } from 'preact';
import { Popup } from '../../components/Popup';
import './popup.css';

render(<Popup />, document.getElementById('app')!);
